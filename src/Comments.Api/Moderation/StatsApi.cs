using Comments.Api.Auth;
using Comments.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Comments.Api.Moderation;

/// <summary>Numbers for the moderators' dashboard over a time range (default: the last 7 days).</summary>
public static class StatsApi
{
    public static RouteGroupBuilder MapStatsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/moderation").WithTags("Moderation stats").RequireAuthorization(Policies.Moderator);
        api.MapGet("/stats", GetStats);
        return api;
    }

    public static async Task<Results<Ok<ModerationStats>, ValidationProblem>> GetStats(
        DateTimeOffset? from, DateTimeOffset? to, string? siteId, CommentsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var end = to ?? clock.GetUtcNow();
        var start = from ?? end.AddDays(-7);
        if (SiteKey.Validate(siteId, out var site) is { } problem)
        {
            return problem;
        }
        if (start >= end || end - start > TimeSpan.FromDays(366))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["from"] = ["from must be before to, at most 366 days apart."] });
        }
        var database = db.Database;
        var perHour = await database.SqlQuery<TimeCount>($"""
            select date_trunc('hour', created_at) as "at", count(*)::int as "count" from comments
            where site_id = {site} and created_at >= {start} and created_at < {end} group by 1 order by 1
            """).ToListAsync(cancellationToken);
        var decisionsPerHour = await database.SqlQuery<TimeCount>($"""
            select date_trunc('hour', d.decided_at) as "at", count(*)::int as "count"
            from decisions d join comments c on c.id = d.comment_id
            where c.site_id = {site} and d.decided_at >= {start} and d.decided_at < {end} group by 1 order by 1
            """).ToListAsync(cancellationToken);
        var byOutcome = await database.SqlQuery<KeyCount>($"""
            select (case when d.actor = 'system' then 'system:' else 'human:' end) || d.outcome as "key", count(*)::int as "count"
            from decisions d join comments c on c.id = d.comment_id
            where c.site_id = {site} and d.decided_at >= {start} and d.decided_at < {end} group by 1 order by 1
            """).ToListAsync(cancellationToken);
        var byReason = await database.SqlQuery<KeyCount>($"""
            select r as "key", count(*)::int as "count" from decisions d join comments c on c.id = d.comment_id, unnest(d.reason_codes) r
            where c.site_id = {site} and d.decided_at >= {start} and d.decided_at < {end} group by 1 order by 2 desc
            """).ToListAsync(cancellationToken);
        var queues = await database.SqlQuery<QueuePoint>($"""
            select taken_at as "at", queue as "queue", count as "count" from queue_snapshots
            where site_id = {site} and taken_at >= {start} and taken_at < {end} order by taken_at, queue
            """).ToListAsync(cancellationToken);
        var humanDelay = await database.SqlQuery<DelayPercentiles>($"""
            select percentile_cont(0.5) within group (order by seconds) as median_seconds,
                   percentile_cont(0.9) within group (order by seconds) as p90seconds
            from (select extract(epoch from min(d.decided_at) - c.created_at)::float8 as seconds
                  from decisions d join comments c on c.id = d.comment_id
                  where d.actor <> 'system' and c.site_id = {site} and d.decided_at >= {start} and d.decided_at < {end}
                  group by c.id, c.created_at) t
            """).SingleAsync(cancellationToken);
        var topByComments = await database.SqlQuery<KeyCount>($"""
            select article_id as "key", count(*)::int as "count" from comments
            where site_id = {site} and created_at >= {start} and created_at < {end} group by 1 order by 2 desc limit 10
            """).ToListAsync(cancellationToken);
        var topByReports = await database.SqlQuery<KeyCount>($"""
            select c.article_id as "key", count(*)::int as "count" from reports r join comments c on c.id = r.comment_id
            where c.site_id = {site} and r.created_at >= {start} and r.created_at < {end} group by 1 order by 2 desc limit 10
            """).ToListAsync(cancellationToken);
        return TypedResults.Ok(new ModerationStats(site, start, end, perHour, decisionsPerHour, byOutcome, byReason, queues, humanDelay, topByComments, topByReports));
    }
}

public sealed record TimeCount(DateTimeOffset At, int Count);

public sealed record KeyCount(string Key, int Count);

public sealed record QueuePoint(DateTimeOffset At, string Queue, int Count);

public sealed record DelayPercentiles(double? MedianSeconds, double? P90Seconds);

public sealed record ModerationStats(
    string SiteId, DateTimeOffset From, DateTimeOffset To,
    IReadOnlyList<TimeCount> CommentsPerHour,
    IReadOnlyList<TimeCount> DecisionsPerHour,
    IReadOnlyList<KeyCount> DecisionsByActorAndOutcome,
    IReadOnlyList<KeyCount> DecisionsByReason,
    IReadOnlyList<QueuePoint> QueueSizes,
    DelayPercentiles SubmissionToHumanDecision,
    IReadOnlyList<KeyCount> TopArticlesByComments,
    IReadOnlyList<KeyCount> TopArticlesByReports);
