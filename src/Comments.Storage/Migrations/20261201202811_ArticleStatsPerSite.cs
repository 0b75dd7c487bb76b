using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Comments.Storage.Migrations
{
    /// <summary>Counts per site and article; the rows are counted again from the comments, since existing ones mixed sites.</summary>
    public partial class ArticleStatsPerSite : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_article_stats",
                table: "article_stats");

            migrationBuilder.AddColumn<string>(
                name: "site_id",
                table: "article_stats",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "default");

            migrationBuilder.AddPrimaryKey(
                name: "pk_article_stats",
                table: "article_stats",
                columns: new[] { "site_id", "article_id" });

            migrationBuilder.Sql("""
                delete from article_stats;
                insert into article_stats (site_id, article_id, published_count, last_activity_at)
                select site_id, article_id,
                       count(*) filter (where status = 'approved' and deleted_at is null and hidden_at is null), max(updated_at)
                from comments group by site_id, article_id;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_article_stats",
                table: "article_stats");

            migrationBuilder.DropColumn(
                name: "site_id",
                table: "article_stats");

            migrationBuilder.AddPrimaryKey(
                name: "pk_article_stats",
                table: "article_stats",
                column: "article_id");
        }
    }
}
