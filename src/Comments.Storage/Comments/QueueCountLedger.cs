using Microsoft.EntityFrameworkCore;

namespace Comments.Storage.Comments;

/// <summary>
/// The moderation queue counts are <c>queue_counts</c> plus the deltas the comments trigger appends to
/// <c>queue_count_deltas</c> (appending takes no shared row lock, so intake and decisions never queue behind each
/// other on a counter). Folding moves the deltas into the counts in one statement: a delta is either still in the
/// ledger or already in the count, never both and never neither.
/// </summary>
public static class QueueCountLedger
{
    public static Task<int> FoldQueueCountsAsync(this CommentsDbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync("""
            with moved as (delete from queue_count_deltas returning site_id, queue, delta)
            insert into queue_counts (site_id, queue, count)
                select site_id, queue, sum(delta) from moved group by site_id, queue
            on conflict (site_id, queue) do update set count = queue_counts.count + excluded.count
            """, cancellationToken);
}
