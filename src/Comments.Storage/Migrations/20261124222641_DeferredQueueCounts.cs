using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Comments.Storage.Migrations
{
    /// <inheritdoc />
    public partial class DeferredQueueCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Counted at commit, after every row lock the transaction takes: a transaction that changes several
            // comments (a ban, a reply and its parent) cannot deadlock with another over the shared counter rows.
            migrationBuilder.Sql("""
                drop trigger comments_queue_counts on comments;
                create constraint trigger comments_queue_counts after insert or update or delete on comments
                    deferrable initially deferred for each row execute function comments_queue_counts();
                """);


        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                drop trigger comments_queue_counts on comments;
                create trigger comments_queue_counts after insert or update or delete on comments
                    for each row execute function comments_queue_counts();
                """);


        }
    }
}
