using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Comments.Storage.Migrations
{
    /// <inheritdoc />
    public partial class NoticesAndNotifierSuspensions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "notifier_key",
                table: "legal_notices",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "notifier_language",
                table: "legal_notices",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "notifier_suspensions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    site_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    notifier_key = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    suspended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    suspended_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notifier_suspensions", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_legal_notices_site_id_notifier_key",
                table: "legal_notices",
                columns: new[] { "site_id", "notifier_key" });

            migrationBuilder.CreateIndex(
                name: "ix_notifier_suspensions_site_id_notifier_key_until",
                table: "notifier_suspensions",
                columns: new[] { "site_id", "notifier_key", "until" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "notifier_suspensions");

            migrationBuilder.DropIndex(
                name: "ix_legal_notices_site_id_notifier_key",
                table: "legal_notices");

            migrationBuilder.DropColumn(
                name: "notifier_key",
                table: "legal_notices");

            migrationBuilder.DropColumn(
                name: "notifier_language",
                table: "legal_notices");
        }
    }
}
