using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Comments.Storage.Migrations
{
    /// <inheritdoc />
    public partial class DecisionsByCommentAndHeldQueue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // On a large installation build both first with "create index concurrently" (docs/performance.md, "Indexes and the
            // trigger"): a plain build blocks writes to the table while it runs.
            migrationBuilder.CreateIndex(
                name: "ix_decisions_comment_id",
                table: "decisions",
                column: "comment_id");

            migrationBuilder.CreateIndex(
                name: "ix_comments_held_queue",
                table: "comments",
                columns: new[] { "site_id", "created_at", "id" },
                filter: "status = 'held' AND deleted_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_decisions_comment_id",
                table: "decisions");

            migrationBuilder.DropIndex(
                name: "ix_comments_held_queue",
                table: "comments");
        }
    }
}
