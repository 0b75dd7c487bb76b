using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Comments.Storage.Migrations
{
    /// <inheritdoc />
    public partial class Workbench : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "claim_expires_at",
                table: "comments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "claimed_by",
                table: "comments",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    action = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    target_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    target_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    before_json = table.Column<string>(type: "jsonb", nullable: true),
                    after_json = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "classifier_models",
                columns: table => new
                {
                    version = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    model = table.Column<byte[]>(type: "bytea", nullable: false),
                    card_json = table.Column<string>(type: "jsonb", nullable: false),
                    promoted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_classifier_models", x => x.version);
                });

            migrationBuilder.CreateTable(
                name: "moderation_notes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    target_type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    target_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    author = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    body = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_moderation_notes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "queue_counts",
                columns: table => new
                {
                    site_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    queue = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_queue_counts", x => new { x.site_id, x.queue });
                });

            migrationBuilder.CreateTable(
                name: "queue_snapshots",
                columns: table => new
                {
                    site_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    queue = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    taken_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_queue_snapshots", x => new { x.site_id, x.queue, x.taken_at });
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_actor_at",
                table: "audit_entries",
                columns: new[] { "actor", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_at_id",
                table: "audit_entries",
                columns: new[] { "at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_target_type_target_id_at",
                table: "audit_entries",
                columns: new[] { "target_type", "target_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_classifier_models_kind_promoted_at",
                table: "classifier_models",
                columns: new[] { "kind", "promoted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_moderation_notes_target_type_target_id_created_at",
                table: "moderation_notes",
                columns: new[] { "target_type", "target_id", "created_at" });

            // The audit log is append-only, whoever connects.
            migrationBuilder.Sql("""
                create function audit_entries_append_only() returns trigger language plpgsql as $$
                begin
                    raise exception 'audit_entries is append-only';
                end $$;
                create trigger audit_entries_append_only before update or delete on audit_entries
                    for each row execute function audit_entries_append_only();
                """);

            // Queue counts follow every change to comments, whoever makes it, in the same transaction.
            migrationBuilder.Sql("""
                create function comment_queues(c comments) returns text[] language sql immutable as $$
                    select array_remove(array[
                        case when c.deleted_at is null and c.status = 'held' then 'pending' end,
                        case when c.deleted_at is null and c.status = 'pending' then 'unmoderated' end,
                        case when c.deleted_at is null and c.open_report_count > 0 then 'reported' end,
                        case when c.status = 'rejected' then 'rejected' end,
                        case when c.deleted_at is null and c.status = 'approved' then 'approved' end
                    ], null)
                $$;
                create function comments_queue_counts() returns trigger language plpgsql as $$
                declare
                    old_queues text[] := case when tg_op in ('UPDATE', 'DELETE') then comment_queues(old) else '{}' end;
                    new_queues text[] := case when tg_op in ('INSERT', 'UPDATE') then comment_queues(new) else '{}' end;
                    q text;
                begin
                    if tg_op = 'UPDATE' and old_queues = new_queues and old.site_id = new.site_id then
                        return null;
                    end if;
                    foreach q in array old_queues loop
                        update queue_counts set count = count - 1 where site_id = old.site_id and queue = q;
                    end loop;
                    foreach q in array new_queues loop
                        insert into queue_counts (site_id, queue, count) values (new.site_id, q, 1)
                        on conflict (site_id, queue) do update set count = queue_counts.count + 1;
                    end loop;
                    return null;
                end $$;
                create trigger comments_queue_counts after insert or update or delete on comments
                    for each row execute function comments_queue_counts();
                insert into queue_counts (site_id, queue, count)
                    select c.site_id, q, count(*) from comments c, unnest(comment_queues(c)) q group by c.site_id, q
                    on conflict (site_id, queue) do update set count = excluded.count;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                drop trigger if exists comments_queue_counts on comments;
                drop function if exists comments_queue_counts();
                drop function if exists comment_queues(comments);
                drop trigger if exists audit_entries_append_only on audit_entries;
                drop function if exists audit_entries_append_only();
                """);

            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "classifier_models");

            migrationBuilder.DropTable(
                name: "moderation_notes");

            migrationBuilder.DropTable(
                name: "queue_counts");

            migrationBuilder.DropTable(
                name: "queue_snapshots");

            migrationBuilder.DropColumn(
                name: "claim_expires_at",
                table: "comments");

            migrationBuilder.DropColumn(
                name: "claimed_by",
                table: "comments");
        }
    }
}
