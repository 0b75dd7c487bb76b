using Comments.Storage;
using Comments.Storage.Support;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Comments.Api.Support;

public static class SupportStats
{
    public static async Task<Ok<SupportStatsView>> GetAsync(CommentsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var open = await db.HelpRequests.AsNoTracking().Where(r => !r.IsSpam && HelpDesk.OpenStatuses.Contains(r.Status))
            .Select(r => new { r.Category, r.Priority, r.FirstReplyAt, r.FirstReplyDueAt }).ToListAsync(cancellationToken);
        var median = await db.Database.SqlQuery<double?>($"""
            select percentile_cont(0.5) within group (order by extract(epoch from first_reply_at - created_at))::float8 as "Value"
            from help_requests where first_reply_at is not null
            """).SingleAsync(cancellationToken);
        return TypedResults.Ok(new SupportStatsView(
            open.GroupBy(r => r.Category).ToDictionary(g => g.Key, g => g.Count()),
            open.GroupBy(r => r.Priority).ToDictionary(g => g.Key, g => g.Count()),
            median,
            open.Count(r => r.FirstReplyAt == null && r.FirstReplyDueAt < now)));
    }
}

public sealed record SupportStatsView(IReadOnlyDictionary<HelpRequestCategory, int> OpenByCategory, IReadOnlyDictionary<HelpRequestPriority, int> OpenByPriority,
    double? MedianSecondsToFirstReply, int Overdue);
