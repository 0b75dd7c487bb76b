using System.Diagnostics;
using Comments.Contracts;
using Comments.Storage;
using Comments.Storage.Comments;
using Comments.Storage.Comments.Lifecycle;
using Comments.Storage.Decisions;
using Moderation.Worker.Messaging;
using Moderation.Worker.Pipeline;

namespace Moderation.Worker.Comments;

/// <summary>
/// Decides first revisions together in one transaction, with one statement per kind of work; a comment no longer
/// pending is left to its consumer (docs/architecture.md, "Deciding a comment").
/// </summary>
public sealed class CommentGroup(CommentsDbContext db, CommentDecider decider, ModerationMetrics metrics)
{
    public async Task<IReadOnlyDictionary<Guid, StoredDecision>> DecideAsync(IReadOnlyList<GroupMember> members, CancellationToken cancellationToken)
    {
        // One span for the group's statements, linked to the trace of every comment in it (the trace itself when alone).
        using var span = WorkerTracing.Source.StartActivity("moderate comment group", ActivityKind.Internal,
            parentContext: members.Count == 1 ? members[0].Trace : default, links: members.Where(m => m.Trace != default).Select(m => new ActivityLink(m.Trace)));
        span?.SetTag("comments.group.size", members.Count);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.InsertPendingIfAbsentAsync(members.Select(m => m.Message.ToPendingComment()).ToList(), cancellationToken);
        var locked = await db.Comments.LockAsync(members.Select(m => m.Message.CommentId).ToArray(), cancellationToken);
        var pending = locked.Where(c => c.Status == CommentStatus.Pending && c.Revision == 1).ToDictionary(c => c.Id);
        var standings = await decider.StandingsAsync(pending.Values.Select(c => c.AuthorId), cancellationToken);

        var runs = new List<(GroupMember Member, Comment Comment, ModerationContext Context)>();
        foreach (var member in members)
        {
            if (pending.Remove(member.Message.CommentId, out var comment))
            {
                var context = await decider.ContextAsync(comment, member.Message.AuthorRoles, standings.GetValueOrDefault(comment.AuthorId), cancellationToken);
                runs.Add((member, comment, context));
            }
        }
        var histories = await AuthorHistory.ReadManyAsync(db, [.. runs.Select(r => (r.Context.Subject, r.Context.HistoryWindows))], cancellationToken);

        var changes = new List<(GroupMember Member, Comment Comment, CommentChange Change)>();
        foreach (var (member, comment, context) in runs)
        {
            using var own = WorkerTracing.Source.StartActivity("moderate comment", ActivityKind.Internal, member.Trace);
            context.UseAuthorRecord(histories[comment.Id]);
            changes.Add((member, comment, await decider.DecideAsync(comment, context, cancellationToken)));
        }
        var transitions = await db.ChangeAsync([.. changes.Select(c => (c.Comment, c.Change))], cancellationToken);
        var decided = changes.Zip(transitions, (c, t) => (c.Member, c.Comment, Decision: t.Decision!)).ToList();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        foreach (var (member, _, decision) in decided)
        {
            metrics.Decided(decision, member.Message.SubmittedAt);
        }
        return decided.ToDictionary(d => d.Member.Message.CommentId, d => new StoredDecision(d.Decision, d.Comment.ArticleId, d.Comment.Status));
    }
}

/// <summary>A message in a group, with the trace of the consumer that received it.</summary>
public sealed record GroupMember(CommentSubmitted Message, ActivityContext Trace);
