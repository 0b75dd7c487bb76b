using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Comments.Storage.Migrations
{
    /// <inheritdoc />
    public partial class WireNameVocabulary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Enums are stored by their snake_case wire name now; the one stored value that differs is off_topic.
            migrationBuilder.Sql("update reports set reason = 'off_topic' where reason = 'offtopic'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("update reports set reason = 'offtopic' where reason = 'off_topic'");
        }
    }
}
