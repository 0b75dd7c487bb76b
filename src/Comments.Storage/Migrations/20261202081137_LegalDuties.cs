using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Comments.Storage.Migrations
{
    /// <inheritdoc />
    public partial class LegalDuties : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "complaints",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    site_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    user_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    statement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    help_request_id = table.Column<Guid>(type: "uuid", nullable: true),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    outcome_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    decided_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_complaints", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "legal_notices",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    reference = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    site_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    comment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    category = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    explanation = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    notifier_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    notifier_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    notifier_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    good_faith = table.Column<bool>(type: "boolean", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    outcome_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    decided_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    manifestly_unfounded = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_legal_notices", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "statements_of_reasons",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    reference = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    site_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    user_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    restriction = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    comment_id = table.Column<Guid>(type: "uuid", nullable: true),
                    decision_id = table.Column<Guid>(type: "uuid", nullable: true),
                    notice_id = table.Column<Guid>(type: "uuid", nullable: true),
                    reason_codes = table.Column<string[]>(type: "text[]", nullable: false),
                    automation = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ground = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    ground_detail = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    decided_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_statements_of_reasons", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_complaints_site_id_received_at",
                table: "complaints",
                columns: new[] { "site_id", "received_at" });

            migrationBuilder.CreateIndex(
                name: "ix_complaints_statement_id",
                table: "complaints",
                column: "statement_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_legal_notices_comment_id",
                table: "legal_notices",
                column: "comment_id");

            migrationBuilder.CreateIndex(
                name: "ix_legal_notices_open",
                table: "legal_notices",
                columns: new[] { "site_id", "due_at" },
                filter: "outcome is null");

            migrationBuilder.CreateIndex(
                name: "ix_legal_notices_reference",
                table: "legal_notices",
                column: "reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_legal_notices_site_id_received_at",
                table: "legal_notices",
                columns: new[] { "site_id", "received_at" });

            migrationBuilder.CreateIndex(
                name: "ix_statements_of_reasons_decision_id",
                table: "statements_of_reasons",
                column: "decision_id",
                unique: true,
                filter: "decision_id is not null");

            migrationBuilder.CreateIndex(
                name: "ix_statements_of_reasons_reference",
                table: "statements_of_reasons",
                column: "reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_statements_of_reasons_site_id_issued_at",
                table: "statements_of_reasons",
                columns: new[] { "site_id", "issued_at" });

            migrationBuilder.CreateIndex(
                name: "ix_statements_of_reasons_site_id_user_id_issued_at_id",
                table: "statements_of_reasons",
                columns: new[] { "site_id", "user_id", "issued_at", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "complaints");

            migrationBuilder.DropTable(
                name: "legal_notices");

            migrationBuilder.DropTable(
                name: "statements_of_reasons");
        }
    }
}
