using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Comments.Storage.Migrations
{
    /// <inheritdoc />
    public partial class ArticleSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "subject",
                table: "settings_changes",
                type: "character varying(220)",
                maxLength: 220,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(32)",
                oldMaxLength: 32);

            migrationBuilder.AlterColumn<string>(
                name: "target_id",
                table: "audit_entries",
                type: "character varying(320)",
                maxLength: 320,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.CreateTable(
                name: "article_settings",
                columns: table => new
                {
                    site_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    article_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    closed = table.Column<bool>(type: "boolean", nullable: false),
                    pre_moderation = table.Column<bool>(type: "boolean", nullable: false),
                    slow_mode_seconds = table.Column<int>(type: "integer", nullable: false),
                    auto_close_after_days = table.Column<int>(type: "integer", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_article_settings", x => new { x.site_id, x.article_id });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "article_settings");

            migrationBuilder.AlterColumn<string>(
                name: "subject",
                table: "settings_changes",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(220)",
                oldMaxLength: 220);

            migrationBuilder.AlterColumn<string>(
                name: "target_id",
                table: "audit_entries",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(320)",
                oldMaxLength: 320);
        }
    }
}
