using Comments.Moderation;
using Comments.Storage;
using Comments.Storage.Comments;
using Microsoft.EntityFrameworkCore;

namespace Moderation.Worker.Workbench;

/// <summary>Records the queue sizes every 15 minutes for the dashboard's "queue sizes over time".</summary>
public sealed class QueueSnapshotter(IServiceScopeFactory scopes, TimeProvider clock, ILogger<QueueSnapshotter> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(15);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicWork.RunAsync(Interval, clock, TakeAsync, logger, "Recording queue sizes", stoppingToken);

    /// <summary>One row per site and queue, stamped to the interval, so several workers record it once.</summary>
    public async Task TakeAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommentsDbContext>();
        var now = clock.GetUtcNow();
        var stamp = new DateTimeOffset(now.UtcTicks - now.UtcTicks % Interval.Ticks, TimeSpan.Zero);
        await db.FoldQueueCountsAsync(cancellationToken);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            insert into queue_snapshots (site_id, queue, taken_at, count)
            select site_id, queue, {stamp}, greatest(count, 0) from queue_counts
            on conflict do nothing
            """, cancellationToken);
    }
}
