using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Comments.Storage.Migrations
{
    /// <inheritdoc />
    public partial class EditorsPicksBadgesBest : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "author_badge",
                table: "comments",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "best_score",
                table: "comments",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            // Comments respected before the column existed: BestScore.Of(respect_count), the same Wilson lower bound.
            migrationBuilder.Sql("""
                update comments set best_score = greatest(0, (p + z * z / (2 * n) - z * sqrt((p * (1 - p) + z * z / (4 * n)) / n)) / (1 + z * z / n))
                from (select id as cid, respect_count::float8 / (respect_count + 10) as p, (respect_count + 10)::float8 as n, 1.959963984540054::float8 as z
                      from comments where respect_count > 0) s
                where id = s.cid
                """);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "featured_at",
                table: "comments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_comments_article_best",
                table: "comments",
                columns: new[] { "article_id", "best_score", "id" },
                filter: "status = 'approved' AND parent_id IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_comments_article_featured",
                table: "comments",
                columns: new[] { "article_id", "featured_at", "id" },
                filter: "status = 'approved' AND featured_at IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_comments_article_best",
                table: "comments");

            migrationBuilder.DropIndex(
                name: "ix_comments_article_featured",
                table: "comments");

            migrationBuilder.DropColumn(
                name: "author_badge",
                table: "comments");

            migrationBuilder.DropColumn(
                name: "best_score",
                table: "comments");

            migrationBuilder.DropColumn(
                name: "featured_at",
                table: "comments");
        }
    }
}
