using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Comments.Storage.Migrations
{
    /// <inheritdoc />
    public partial class PrivacyErasure : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "erased_at",
                table: "comments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "erasure_requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    site_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    user_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    requested_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    confirmation_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    confirm_by = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    confirmed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    token_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_erasure_requests", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_erasure_requests_due",
                table: "erasure_requests",
                column: "due_at",
                filter: "confirmed_at is not null and completed_at is null");

            migrationBuilder.CreateIndex(
                name: "ix_erasure_requests_site_id_user_id",
                table: "erasure_requests",
                columns: new[] { "site_id", "user_id" });

            // The audit log stays append-only, with one exception: the erasure of a reader's data (ReaderErasure) may
            // remove keys from the JSON of entries about them, in the transaction that set comments.erasure, and nothing
            // else: the new JSON must be contained in the old (of the same kind), so no key is added and no value changed.
            migrationBuilder.Sql("""
                create or replace function audit_entries_append_only() returns trigger language plpgsql as $$
                begin
                    if tg_op = 'UPDATE' and current_setting('comments.erasure', true) = 'on'
                       and new.id = old.id and new.actor = old.actor and new.action = old.action and new.target_type = old.target_type
                       and new.target_id = old.target_id and new.at = old.at
                       and (new.before_json is null or (old.before_json is not null
                            and jsonb_typeof(new.before_json) = jsonb_typeof(old.before_json) and old.before_json @> new.before_json))
                       and (new.after_json is null or (old.after_json is not null
                            and jsonb_typeof(new.after_json) = jsonb_typeof(old.after_json) and old.after_json @> new.after_json)) then
                        return new;
                    end if;
                    raise exception 'audit_entries is append-only';
                end $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                create or replace function audit_entries_append_only() returns trigger language plpgsql as $$
                begin
                    raise exception 'audit_entries is append-only';
                end $$;
                """);

            migrationBuilder.DropTable(
                name: "erasure_requests");

            migrationBuilder.DropColumn(
                name: "erased_at",
                table: "comments");
        }
    }
}
