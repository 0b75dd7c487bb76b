using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Comments.Storage.Migrations
{
    /// <inheritdoc />
    public partial class ReaderHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_comments_author_id_created_at",
                table: "comments");

            migrationBuilder.CreateTable(
                name: "help_previews",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    site_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    personal = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_help_previews", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ignored_readers",
                columns: table => new
                {
                    site_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    reader_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ignored_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ignored_readers", x => new { x.site_id, x.reader_id, x.ignored_id });
                });

            migrationBuilder.CreateIndex(
                name: "ix_comments_author_newest",
                table: "comments",
                columns: new[] { "author_id", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_help_previews_site_id_created_at",
                table: "help_previews",
                columns: new[] { "site_id", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "help_previews");

            migrationBuilder.DropTable(
                name: "ignored_readers");

            migrationBuilder.DropIndex(
                name: "ix_comments_author_newest",
                table: "comments");

            migrationBuilder.CreateIndex(
                name: "ix_comments_author_id_created_at",
                table: "comments",
                columns: new[] { "author_id", "created_at" });
        }
    }
}
