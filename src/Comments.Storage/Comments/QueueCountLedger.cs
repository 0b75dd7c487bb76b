using Microsoft.EntityFrameworkCore;

namespace Comments.Storage.Comments;

/// <summary>
/// Queue counts are <c>queue_counts</c> plus appended deltas, so intake and decisions never wait on a counter row;
/// folding moves deltas into counts in one statement, so each is counted exactly once (docs/architecture.md).
/// </summary>
public static class QueueCountLedger
{
    /// <summary>A site's counts as they stand: the folded counts plus the deltas not folded yet. Reads, never writes.</summary>
    public static Task<Dictionary<string, int>> ReadQueueCountsAsync(this CommentsDbContext db, string siteId, CancellationToken cancellationToken) =>
        db.QueueCounts.FromSql($"""
                select site_id, queue, sum(count)::integer as count from (
                    select site_id, queue, count from queue_counts where site_id = {siteId}
                    union all
                    select site_id, queue, delta from queue_count_deltas where site_id = {siteId}) counts
                group by site_id, queue
                """)
            .AsNoTracking()
            .ToDictionaryAsync(q => q.Queue, q => q.Count, cancellationToken);

    public static Task<int> FoldQueueCountsAsync(this CommentsDbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync("""
            with moved as (delete from queue_count_deltas returning site_id, queue, delta)
            insert into queue_counts (site_id, queue, count)
                select site_id, queue, sum(delta) from moved group by site_id, queue
            on conflict (site_id, queue) do update set count = queue_counts.count + excluded.count
            """, cancellationToken);
}
