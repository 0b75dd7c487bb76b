using Comments.Contracts;
using Comments.Storage;
using Comments.Storage.Comments;
using Comments.Storage.Decisions;
using Microsoft.EntityFrameworkCore;

namespace Moderation.Worker.Comments;

/// <summary>A system decision as stored, with what the events about it need from its comment.</summary>
public sealed record StoredDecision(Decision Decision, string ArticleId, CommentStatus Status)
{
    /// <summary>Whether the author's edit was applied where this was decided, so that <see cref="CommentEdited"/> is published too.</summary>
    public bool Edited { get; init; }

    /// <summary>
    /// The decisions stored by earlier deliveries for messages that a group did not decide (redeliveries, copies), by
    /// comment; a message with none (a revision refused or overtaken) has nothing to publish.
    /// </summary>
    public static async Task<Dictionary<Guid, StoredDecision>> FindAsync(CommentsDbContext db, IReadOnlyCollection<CommentSubmitted> messages, CancellationToken cancellationToken)
    {
        if (messages.Count == 0)
        {
            return [];
        }
        var ids = messages.Select(m => m.CommentId).Distinct().ToList();
        var found = await db.Decisions.AsNoTracking()
            .Where(d => ids.Contains(d.CommentId) && d.Actor == Decision.SystemActor)
            .Join(db.Comments, d => d.CommentId, c => c.Id, (d, c) => new StoredDecision(d, c.ArticleId, c.Status))
            .ToListAsync(cancellationToken);
        return messages
            .Select(m => found.FirstOrDefault(s => s.Decision.CommentId == m.CommentId && s.Decision.Revision == m.Revision))
            .OfType<StoredDecision>()
            .DistinctBy(s => s.Decision.CommentId)
            .ToDictionary(s => s.Decision.CommentId);
    }
}
