using System.Diagnostics;
using Comments.Contracts;
using Comments.Moderation.Reasons;
using Comments.Storage;
using Comments.Storage.Comments;
using Comments.Storage.Comments.Lifecycle;
using Comments.Storage.Decisions;
using Comments.Storage.Legal;
using Microsoft.EntityFrameworkCore;
using Moderation.Worker.Messaging;
using Moderation.Worker.Pipeline;

namespace Moderation.Worker.Comments;

/// <summary>
/// Decides comments in one transaction, with one statement per kind of work: the one way the worker decides, for a
/// group of many new comments or a group of one (an edit, a redelivery, the messages of a failed group). A comment
/// no longer pending is left out (docs/architecture.md, "Deciding a comment").
/// </summary>
public sealed class CommentGroup(CommentsDbContext db, CommentDecider decider, ModerationMetrics metrics, ILogger<CommentGroup> logger)
{
    private static readonly IReadOnlyDictionary<Guid, StoredDecision> NoneDecided = new Dictionary<Guid, StoredDecision>();

    /// <summary>The decisions this group stored, by comment. A group holds at most one revision of a comment.</summary>
    public async Task<IReadOnlyDictionary<Guid, StoredDecision>> DecideAsync(IReadOnlyList<GroupMember> members, CancellationToken cancellationToken)
    {
        // One span for the group's statements, linked to the trace of every comment in it (the trace itself when alone).
        using var span = WorkerTracing.Source.StartActivity("moderate comment group", ActivityKind.Internal,
            parentContext: members.Count == 1 ? members[0].Trace : default, links: members.Where(m => m.Trace != default).Select(m => new ActivityLink(m.Trace)));
        span?.SetTag("comments.group.size", members.Count);
        try
        {
            return await DecideInTransactionAsync(members, cancellationToken);
        }
        catch (DbUpdateException exception) when (members.Count == 1 && exception.IsUniqueViolation())
        {
            // The last guard: another delivery decided this revision first. In a larger group it fails the group instead.
            logger.LogInformation("Comment {CommentId} revision {Revision} was already decided", members[0].Message.CommentId, members[0].Message.Revision);
            db.ChangeTracker.Clear();
            return NoneDecided;
        }
    }

    private async Task<IReadOnlyDictionary<Guid, StoredDecision>> DecideInTransactionAsync(IReadOnlyList<GroupMember> members, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var firsts = members.Where(m => m.Message.Revision == 1).Select(m => m.Message.ToPendingComment()).ToList();
        if (firsts.Count > 0)
        {
            await db.InsertPendingIfAbsentAsync(firsts, cancellationToken);
        }
        var locked = (await db.Comments.LockAsync(members.Select(m => m.Message.CommentId).ToArray(), cancellationToken)).ToDictionary(c => c.Id);

        var toDecide = new List<(GroupMember Member, Comment Comment, bool Edited, bool NeedsHuman)>();
        var taken = new HashSet<Guid>(); // copies of a message in one group: the comment is decided once
        foreach (var member in members)
        {
            var message = member.Message;
            var comment = locked.GetValueOrDefault(message.CommentId)
                ?? throw new InvalidOperationException($"Revision {message.Revision} of comment {message.CommentId} arrived before the comment; retrying.");
            var review = await AuthorEdits.ApplyIfNextAsync(db, comment, message, cancellationToken);
            if (review == EditReview.Refused)
            {
                // The API refuses these; one that comes anyway (sent before a rejection, or forged) is dropped.
                logger.LogWarning("Revision {Revision} of comment {CommentId} was refused: a moderator rejected the comment", message.Revision, message.CommentId);
            }
            else if (comment.Status == CommentStatus.Pending && comment.Revision == message.Revision && taken.Add(comment.Id))
            {
                toDecide.Add((member, comment, review is not null, review == EditReview.Person));
            }
        }
        var decided = await DecideLockedAsync(toDecide, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        foreach (var (member, stored) in decided)
        {
            metrics.Decided(stored.Decision, member.Message.SubmittedAt);
        }
        return decided.ToDictionary(d => d.Member.Message.CommentId, d => d.Stored);
    }

    /// <summary>The pipeline for each comment, after one read of the authors' standings and one of their histories.</summary>
    private async Task<List<(GroupMember Member, StoredDecision Stored)>> DecideLockedAsync(
        List<(GroupMember Member, Comment Comment, bool Edited, bool NeedsHuman)> toDecide, CancellationToken cancellationToken)
    {
        if (toDecide.Count == 0)
        {
            return [];
        }
        var standings = await decider.StandingsAsync(toDecide.Select(d => d.Comment.AuthorId), cancellationToken);
        await decider.ReadArticlesAsync(toDecide.Select(d => d.Comment), cancellationToken);
        var contexts = new List<ModerationContext>(toDecide.Count);
        foreach (var (member, comment, _, needsHuman) in toDecide)
        {
            contexts.Add(await decider.ContextAsync(comment, member.Message.AuthorRoles, standings.GetValueOrDefault(comment.AuthorId), cancellationToken, needsHuman));
        }
        var histories = await AuthorHistory.ReadManyAsync(db, [.. contexts.Select(c => (c.Subject, c.HistoryWindows))], cancellationToken);

        var changes = new List<(Comment Comment, CommentChange Change)>(toDecide.Count);
        foreach (var ((member, comment, _, _), context) in toDecide.Zip(contexts))
        {
            using var own = WorkerTracing.Source.StartActivity("moderate comment", ActivityKind.Internal, member.Trace);
            context.UseAuthorRecord(histories[comment.Id]);
            changes.Add((comment, await decider.DecideAsync(comment, context, cancellationToken)));
        }
        var transitions = await db.ChangeAsync(changes, cancellationToken);
        foreach (var transition in transitions)
        {
            var codes = transition.Decision?.ReasonCodes ?? [];
            if (transition.To == CommentState.Held && codes.Length > 0 && codes.All(ReasonCodes.PolicyHolds.Contains))
            {
                continue;
            }
            // Added to the same save: a hold or rejection and its statement commit together, and a redelivery finds the
            // comment decided and writes neither again. A banned author is not told again for every post.
            db.AddFor(transition, AutomationUse.Decision, notify: !codes.Any(ReasonCodes.AccountRestrictions.Contains));
        }
        return [.. toDecide.Zip(transitions, (d, t) => (d.Member, new StoredDecision(t.Decision!, d.Comment.ArticleId, d.Comment.Status) { Edited = d.Edited }))];
    }
}

/// <summary>A message in a group, with the trace of the consumer that received it.</summary>
public sealed record GroupMember(CommentSubmitted Message, ActivityContext Trace);
