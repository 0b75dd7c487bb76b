using Comments.Moderation;
using Comments.Storage;
using Comments.Storage.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Moderation.Worker.Retention;

/// <summary>
/// Erases the text of comments their authors deleted longer ago than the retention period, with every copy of it:
/// earlier revisions, the matched excerpts in decisions and the excerpts in help requests' triage context. Deletes
/// finished help requests past theirs, and the other records past theirs (<see cref="RecordRetention"/>). Safe to run on several workers at once: each step is one idempotent statement.
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
        await db.Database.ExecuteSqlInterpolatedAsync($$"""
            update decisions set details = jsonb_set(details, '{matches}', '[]')
            where jsonb_array_length(coalesce(details -> 'matches', '[]')) > 0
              and comment_id in (select id from comments where deleted_at < {{cutoff}})
            """, cancellationToken);
        await db.Database.ExecuteSqlInterpolatedAsync($$"""
            update help_requests h set context_json = jsonb_set(h.context_json, '{recentComments}', (
                select jsonb_agg(case when deleted.id is null then line else line || '{"excerpt": ""}' end order by position)
                from jsonb_array_elements(h.context_json -> 'recentComments') with ordinality as lines(line, position)
                left join comments deleted on deleted.id = (line ->> 'id')::uuid and deleted.deleted_at < {{cutoff}}))
            where exists (
                select 1 from jsonb_array_elements(h.context_json -> 'recentComments') line
                join comments c on c.id = (line ->> 'id')::uuid
                where c.deleted_at < {{cutoff}} and line ->> 'excerpt' <> '')
            """, cancellationToken);
        var purged = await expired.Where(c => c.Body != "").ExecuteUpdateAsync(c => c.SetProperty(x => x.Body, ""), cancellationToken);
        await PurgeHelpRequestsAsync(db, cancellationToken);
        if (await RecordRetention.PurgeAsync(db, options.Value, clock.GetUtcNow(), cancellationToken) is > 0 and var records)
        {
            logger.LogInformation("Deleted {Count} mails, refused posts, notifications and previews past retention", records);
        }
        return purged;
    }

    private async Task PurgeHelpRequestsAsync(CommentsDbContext db, CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - TimeSpan.FromDays(options.Value.HelpRequestDays);
        var finished = db.HelpRequests.Where(r => HelpDesk.FinishedStatuses.Contains(r.Status) && r.UpdatedAt < cutoff);
        await db.OutgoingMail.Where(m => finished.Any(r => r.Id == m.HelpRequestId)).ExecuteDeleteAsync(cancellationToken);
        await db.HelpRequestEvents.Where(e => finished.Any(r => r.Id == e.HelpRequestId)).ExecuteDeleteAsync(cancellationToken);
        var deleted = await finished.ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0)
        {
            logger.LogInformation("Deleted {Count} finished help requests past retention", deleted);
        }
    }
}
