using Comments.Storage;
using Comments.Storage.Support;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Comments.Api.Support;

public static class SupportStats
{
    public static async Task<Ok<SupportStatsView>> GetAsync(CommentsDbContext db, TimeProvider clock, IOptions<HelpPreviewOptions> previewOptions, CancellationToken cancellationToken)
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
            open.Count(r => r.FirstReplyAt == null && r.FirstReplyDueAt < now),
            await PreviewCountsAsync(db, now, previewOptions.Value, cancellationToken)));
    }

    /// <summary>
    /// The help form's previews in the stats period: a preview ended without a request once its request window passed
    /// with none; the ones still inside it count in neither of the two.
    /// </summary>
    private static async Task<HelpPreviewCounts> PreviewCountsAsync(CommentsDbContext db, DateTimeOffset now, HelpPreviewOptions options, CancellationToken cancellationToken)
    {
        var since = now - options.StatsPeriod;
        var settled = now - options.RequestWindow;
        var counts = await db.HelpPreviews.AsNoTracking().Where(p => p.CreatedAt > since).GroupBy(_ => 1).Select(g => new
        {
            All = g.Count(),
            Followed = g.Count(p => p.RequestedAt != null),
            Ended = g.Count(p => p.RequestedAt == null && p.CreatedAt <= settled),
            Personal = g.Count(p => p.Personal),
        }).FirstOrDefaultAsync(cancellationToken);
        return counts is null ? new HelpPreviewCounts(0, 0, 0, 0) : new HelpPreviewCounts(counts.All, counts.Followed, counts.Ended, counts.Personal);
    }
}

public sealed record SupportStatsView(IReadOnlyDictionary<HelpRequestCategory, int> OpenByCategory, IReadOnlyDictionary<HelpRequestPriority, int> OpenByPriority,
    double? MedianSecondsToFirstReply, int Overdue, HelpPreviewCounts HelpPreviews);
