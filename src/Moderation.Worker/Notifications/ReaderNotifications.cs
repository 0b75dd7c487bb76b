using Comments.Contracts;
using Comments.Storage;
using Comments.Storage.Decisions;
using Comments.Storage.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Moderation.Worker.Notifications;

/// <summary>
/// Tells readers what happened to their comments, from the events on the bus: a published reply by someone else, an
/// editors' pick, a moderator's decision on a comment that was held. Each notification is unique per reader, kind and
/// subject, so a redelivered event changes nothing. Each method answers how many notifications it created.
/// </summary>
public sealed class ReaderNotifications(CommentsDbContext db, TimeProvider clock)
{
    /// <summary>
    /// A group's decisions with one read (each comment and its parent's author) and one insert of the replies'
    /// notifications; a person's decision after a hold (one per event) also tells the author.
    /// </summary>
    public async Task<int> ModeratedAsync(CommentsModerated message, CancellationToken cancellationToken)
    {
        var ids = message.Items.Select(i => i.CommentId).Distinct().ToList();
        var found = await db.Comments.AsNoTracking()
            .Where(c => ids.Contains(c.Id))
            .Select(c => new { Comment = c, ParentAuthor = db.Comments.Where(p => p.Id == c.ParentId).Select(p => p.AuthorId).FirstOrDefault() })
            .ToDictionaryAsync(f => f.Comment.Id, cancellationToken);
        var created = new List<Notification>();
        foreach (var (comment, parentAuthor) in found.Values.Select(f => (f.Comment, f.ParentAuthor)))
        {
            if (comment.IsPublic && parentAuthor is not null && parentAuthor != comment.AuthorId)
            {
                created.Add(New(comment.SiteId, parentAuthor, NotificationKind.Reply, comment.Id, comment.Id, comment.ArticleId, comment.AuthorName));
            }
        }
        foreach (var item in message.Items.Where(i => i.Actor != Decision.SystemActor))
        {
            if (found.GetValueOrDefault(item.CommentId)?.Comment is { } comment && item.Actor != comment.AuthorId
                && await DecisionAfterHoldAsync(item, cancellationToken) is { } decision)
            {
                created.Add(New(comment.SiteId, comment.AuthorId, NotificationKind.Decided, decision.Id, comment.Id, comment.ArticleId));
            }
        }
        return await db.AddIfAbsentAsync(created, cancellationToken);
    }

    public async Task<int> FeaturedAsync(CommentFeatured message, CancellationToken cancellationToken)
    {
        if (!message.Featured)
        {
            return 0;
        }
        var author = await db.Comments.Where(c => c.Id == message.CommentId).Select(c => new { c.SiteId, c.AuthorId }).FirstOrDefaultAsync(cancellationToken);
        return author is not null && author.AuthorId != message.Actor
            && await db.AddIfAbsentAsync(New(author.SiteId, author.AuthorId, NotificationKind.Featured, message.CommentId, message.CommentId, message.ArticleId), cancellationToken) ? 1 : 0;
    }

    /// <summary>
    /// The event's decision when the decision before it held the comment for review. PostgreSQL keeps microseconds, the
    /// event the clock's ticks: the decision is the one within a microsecond of the event's time.
    /// </summary>
    private async Task<Decision?> DecisionAfterHoldAsync(ModeratedComment message, CancellationToken cancellationToken)
    {
        var from = message.DecidedAt.AddTicks(-10);
        var to = message.DecidedAt.AddTicks(10);
        var decisions = db.Decisions.AsNoTracking().Where(d => d.CommentId == message.CommentId);
        var decision = await decisions.FirstOrDefaultAsync(d => d.Actor == message.Actor && d.DecidedAt >= from && d.DecidedAt <= to, cancellationToken);
        if (decision is null)
        {
            return null;
        }
        var before = await decisions.Where(d => d.DecidedAt < decision.DecidedAt).OrderByDescending(d => d.DecidedAt).Select(d => (DecisionOutcome?)d.Outcome)
            .FirstOrDefaultAsync(cancellationToken);
        return before == DecisionOutcome.Held ? decision : null;
    }

    private Notification New(string siteId, string userId, NotificationKind kind, Guid subjectId, Guid commentId, string articleId, string? actorName = null)
    {
        var now = clock.GetUtcNow();
        return new Notification { Id = Guid.CreateVersion7(now), SiteId = siteId, UserId = userId, Kind = kind, SubjectId = subjectId, CommentId = commentId, ArticleId = articleId,
            ActorName = actorName, CreatedAt = now };
    }
}
