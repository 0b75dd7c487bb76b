using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Comments.Storage.Migrations
{
    /// <inheritdoc />
    public partial class ArticleProtection : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "article_protections",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    site_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    article_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    mode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    slow_mode_seconds = table.Column<int>(type: "integer", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ended_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    signals_json = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_article_protections", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_reports_created_at_brin",
                table: "reports",
                column: "created_at")
                .Annotation("Npgsql:IndexMethod", "brin");

            migrationBuilder.CreateIndex(
                name: "ix_comments_created_at_brin",
                table: "comments",
                column: "created_at")
                .Annotation("Npgsql:IndexMethod", "brin");

            migrationBuilder.CreateIndex(
                name: "ix_article_protections_site_id_article_id_until",
                table: "article_protections",
                columns: new[] { "site_id", "article_id", "until" });

            migrationBuilder.CreateIndex(
                name: "ix_article_protections_until",
                table: "article_protections",
                column: "until");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "article_protections");

            migrationBuilder.DropIndex(
                name: "ix_reports_created_at_brin",
                table: "reports");

            migrationBuilder.DropIndex(
                name: "ix_comments_created_at_brin",
                table: "comments");
        }
    }
}
