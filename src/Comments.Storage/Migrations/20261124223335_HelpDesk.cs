using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Comments.Storage.Migrations
{
    /// <inheritdoc />
    public partial class HelpDesk : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "appeal_help_request_id",
                table: "comments",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "help_request_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    help_request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    body = table.Column<string>(type: "text", nullable: true),
                    before = table.Column<string>(type: "text", nullable: true),
                    after = table.Column<string>(type: "text", nullable: true),
                    visible_to_reader = table.Column<bool>(type: "boolean", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_help_request_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "help_requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    reference = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    requester_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    article_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    comment_id = table.Column<Guid>(type: "uuid", nullable: true),
                    category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    category_given = table.Column<bool>(type: "boolean", nullable: false),
                    priority = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    priority_rank = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    message = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    user_agent = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    page = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    assignee_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    duplicate_of_id = table.Column<Guid>(type: "uuid", nullable: true),
                    is_spam = table.Column<bool>(type: "boolean", nullable: false),
                    triaged = table.Column<bool>(type: "boolean", nullable: false),
                    triage_note = table.Column<string>(type: "text", nullable: true),
                    context_json = table.Column<string>(type: "jsonb", nullable: true),
                    escalated = table.Column<bool>(type: "boolean", nullable: false),
                    outcome = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    first_reply_due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    first_reply_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_help_requests", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outgoing_mail",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    to = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    subject = table.Column<string>(type: "text", nullable: false),
                    body = table.Column<string>(type: "text", nullable: false),
                    help_request_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outgoing_mail", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "post_refusals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    detail = table.Column<string>(type: "text", nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_post_refusals", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_help_request_events_help_request_id_at",
                table: "help_request_events",
                columns: new[] { "help_request_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_help_requests_email_created_at",
                table: "help_requests",
                columns: new[] { "email", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_help_requests_priority_rank_created_at_id",
                table: "help_requests",
                columns: new[] { "priority_rank", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_help_requests_reference",
                table: "help_requests",
                column: "reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_help_requests_requester_id_created_at",
                table: "help_requests",
                columns: new[] { "requester_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_post_refusals_user_id_at",
                table: "post_refusals",
                columns: new[] { "user_id", "at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "help_request_events");

            migrationBuilder.DropTable(
                name: "help_requests");

            migrationBuilder.DropTable(
                name: "outgoing_mail");

            migrationBuilder.DropTable(
                name: "post_refusals");

            migrationBuilder.DropColumn(
                name: "appeal_help_request_id",
                table: "comments");
        }
    }
}
