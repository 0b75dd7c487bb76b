using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Comments.Storage.Migrations
{
    /// <inheritdoc />
    public partial class ReaderFeatures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_comments_article_approved_keyset",
                table: "comments");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "deleted_at",
                table: "comments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "depth",
                table: "comments",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "edited_at",
                table: "comments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "hidden_at",
                table: "comments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "open_report_count",
                table: "comments",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "reply_count",
                table: "comments",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<double>(
                name: "report_weight",
                table: "comments",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<int>(
                name: "respect_count",
                table: "comments",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "article_stats",
                columns: table => new
                {
                    article_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    published_count = table.Column<int>(type: "integer", nullable: false),
                    last_activity_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_article_stats", x => x.article_id);
                });

            migrationBuilder.CreateTable(
                name: "comment_revisions",
                columns: table => new
                {
                    comment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    body = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_comment_revisions", x => new { x.comment_id, x.revision });
                });

            migrationBuilder.CreateTable(
                name: "reactions",
                columns: table => new
                {
                    comment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reactions", x => new { x.comment_id, x.user_id, x.kind });
                });

            migrationBuilder.CreateTable(
                name: "reporter_trust",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    weight = table.Column<double>(type: "double precision", nullable: false),
                    upheld = table.Column<int>(type: "integer", nullable: false),
                    dismissed = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reporter_trust", x => x.user_id);
                });

            migrationBuilder.CreateTable(
                name: "reports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    comment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reporter_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    reason = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    details = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    weight = table.Column<double>(type: "double precision", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reviewed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reports", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_comments_article_most_replied",
                table: "comments",
                columns: new[] { "article_id", "reply_count", "created_at", "id" },
                filter: "status = 'approved' AND parent_id IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_comments_article_top_keyset",
                table: "comments",
                columns: new[] { "article_id", "created_at", "id" },
                filter: "status = 'approved' AND parent_id IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_comments_open_report_count",
                table: "comments",
                column: "open_report_count",
                filter: "open_report_count > 0");

            migrationBuilder.CreateIndex(
                name: "ix_comments_replies_keyset",
                table: "comments",
                columns: new[] { "parent_id", "created_at", "id" },
                filter: "status = 'approved'");

            migrationBuilder.CreateIndex(
                name: "ix_reports_comment_id_reporter_id",
                table: "reports",
                columns: new[] { "comment_id", "reporter_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_reports_comment_id_status",
                table: "reports",
                columns: new[] { "comment_id", "status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "article_stats");

            migrationBuilder.DropTable(
                name: "comment_revisions");

            migrationBuilder.DropTable(
                name: "reactions");

            migrationBuilder.DropTable(
                name: "reporter_trust");

            migrationBuilder.DropTable(
                name: "reports");

            migrationBuilder.DropIndex(
                name: "ix_comments_article_most_replied",
                table: "comments");

            migrationBuilder.DropIndex(
                name: "ix_comments_article_top_keyset",
                table: "comments");

            migrationBuilder.DropIndex(
                name: "ix_comments_open_report_count",
                table: "comments");

            migrationBuilder.DropIndex(
                name: "ix_comments_replies_keyset",
                table: "comments");

            migrationBuilder.DropColumn(
                name: "deleted_at",
                table: "comments");

            migrationBuilder.DropColumn(
                name: "depth",
                table: "comments");

            migrationBuilder.DropColumn(
                name: "edited_at",
                table: "comments");

            migrationBuilder.DropColumn(
                name: "hidden_at",
                table: "comments");

            migrationBuilder.DropColumn(
                name: "open_report_count",
                table: "comments");

            migrationBuilder.DropColumn(
                name: "reply_count",
                table: "comments");

            migrationBuilder.DropColumn(
                name: "report_weight",
                table: "comments");

            migrationBuilder.DropColumn(
                name: "respect_count",
                table: "comments");

            migrationBuilder.CreateIndex(
                name: "ix_comments_article_approved_keyset",
                table: "comments",
                columns: new[] { "article_id", "created_at", "id" },
                descending: new[] { false, true, true },
                filter: "status = 'approved'");
        }
    }
}
