using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Comments.Storage.Migrations
{
    /// <summary>
    /// The queue counts were one row per site and queue, updated by every comment's insert and decision: every
    /// intake and every decision on a site queued on the same row lock until the commit before it was flushed. Now
    /// the trigger appends a +1 or -1 to <c>queue_count_deltas</c> (no shared row) and
    /// <c>QueueCountLedger</c> adds the deltas to <c>queue_counts</c> when reading, and folds them in
    /// every few seconds in the worker.
    /// </summary>
    [DbContext(typeof(CommentsDbContext))]
    [Migration("20261125080000_QueueCountDeltas")]
    public partial class QueueCountDeltas : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                create table queue_count_deltas (
                    id bigint generated always as identity primary key,
                    site_id text not null,
                    queue text not null,
                    delta integer not null);
                create or replace function comments_queue_counts() returns trigger language plpgsql as $$
                declare
                    old_queues text[] := case when tg_op in ('UPDATE', 'DELETE') then comment_queues(old) else '{}' end;
                    new_queues text[] := case when tg_op in ('INSERT', 'UPDATE') then comment_queues(new) else '{}' end;
                    q text;
                begin
                    if tg_op = 'UPDATE' and old_queues = new_queues and old.site_id = new.site_id then
                        return null;
                    end if;
                    foreach q in array old_queues loop
                        insert into queue_count_deltas (site_id, queue, delta) values (old.site_id, q, -1);
                    end loop;
                    foreach q in array new_queues loop
                        insert into queue_count_deltas (site_id, queue, delta) values (new.site_id, q, 1);
                    end loop;
                    return null;
                end $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                insert into queue_counts (site_id, queue, count)
                    select site_id, queue, sum(delta) from queue_count_deltas group by site_id, queue
                    on conflict (site_id, queue) do update set count = queue_counts.count + excluded.count;
                drop table queue_count_deltas;
                create or replace function comments_queue_counts() returns trigger language plpgsql as $$
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
                """);
        }
    }
}
