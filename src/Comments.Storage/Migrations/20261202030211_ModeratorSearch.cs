using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Comments.Storage.Migrations
{
    /// <inheritdoc />
    public partial class ModeratorSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateIndex(
                name: "ix_comments_article_id_created_at_id",
                table: "comments",
                columns: new[] { "article_id", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_comments_body_trgm",
                table: "comments",
                column: "body")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            // Not modelled by EF: a display name ignoring case, and body statistics fine enough that the planner tells a
            // common word (walk the newest comments) from a rare one (the trigram index); see docs/performance.md.
            migrationBuilder.Sql("create index ix_comments_author_name_lower on comments (lower(author_name));");
            migrationBuilder.Sql("alter table comments alter column body set statistics 1000;");

            migrationBuilder.CreateIndex(
                name: "ix_comments_site_newest",
                table: "comments",
                columns: new[] { "site_id", "created_at", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("drop index ix_comments_author_name_lower;");
            migrationBuilder.Sql("alter table comments alter column body set statistics -1;");

            migrationBuilder.DropIndex(
                name: "ix_comments_article_id_created_at_id",
                table: "comments");

            migrationBuilder.DropIndex(
                name: "ix_comments_body_trgm",
                table: "comments");

            migrationBuilder.DropIndex(
                name: "ix_comments_site_newest",
                table: "comments");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");
        }
    }
}
