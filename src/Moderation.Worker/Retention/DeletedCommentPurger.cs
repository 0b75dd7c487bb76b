using Comments.Moderation;
using Comments.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Moderation.Worker.Retention;

/// <summary>
/// Erases the text of comments their authors deleted longer ago than the retention period (and their earlier
/// revisions). Safe to run on several workers at once: each run is one idempotent UPDATE per table.
/// </summary>
public sealed class DeletedCommentPurger(IServiceScopeFactory scopes, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<DeletedCommentPurger> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicWork.RunAsync(options.Value.Interval, clock, async cancellationToken =>
        {
            var purged = await PurgeAsync(cancellationToken);
            if (purged > 0)
            {
                logger.LogInformation("Erased the text of {Count} deleted comments past retention", purged);
            }
        }, logger, "Purging deleted comments", stoppingToken);

    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommentsDbContext>();
        var cutoff = clock.GetUtcNow() - TimeSpan.FromDays(options.Value.DeletedCommentDays);
        var expired = db.Comments.Where(c => c.DeletedAt != null && c.DeletedAt < cutoff);
        await db.CommentRevisions.Where(r => expired.Any(c => c.Id == r.CommentId) && r.Body != "").ExecuteUpdateAsync(r => r.SetProperty(x => x.Body, ""), cancellationToken);
        return await expired.Where(c => c.Body != "").ExecuteUpdateAsync(c => c.SetProperty(x => x.Body, ""), cancellationToken);
    }
}
