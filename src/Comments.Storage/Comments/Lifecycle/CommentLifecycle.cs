using Comments.Contracts;
using Comments.Storage.Audit;
using Comments.Storage.Decisions;
using Microsoft.EntityFrameworkCore;
using static Comments.Storage.Comments.Lifecycle.CommentAction;
using static Comments.Storage.Comments.Lifecycle.CommentState;
using static Comments.Storage.Comments.Lifecycle.LifecycleActor;

namespace Comments.Storage.Comments.Lifecycle;

/// <summary>
/// The one place a comment's state changes, for both hosts: which changes are allowed from which state and by whom,
/// and for each the comment's fields, the decision row, the audit entry, the public counters and the event to publish.
/// </summary>
public static class CommentLifecycle
{
    private static readonly CommentState[] NotDeleted = [Pending, Approved, Held, Rejected, Hidden];

    private static readonly HashSet<(CommentState From, LifecycleActor Actor, CommentAction Action)> Allowed =
    [
        // The pipeline decides a pending revision, and nothing else.
        (Pending, Pipeline, Approve), (Pending, Pipeline, Hold), (Pending, Pipeline, Reject),
        // An author edits and deletes what they have not deleted; ReviewOfEditAsync says who decides the new text.
        .. Each(NotDeleted, Author, Edit),
        .. Each(NotDeleted, Author, Delete),
        // Readers' reports hide a public comment until a moderator decides.
        (Approved, Reader, Hide),
        // A moderator decides any comment its author has not deleted.
        .. Each(NotDeleted, Moderator, Approve),
        .. Each(NotDeleted, Moderator, Reject),
        // Support sends a decided comment back to a moderator on its author's appeal.
        .. Each([Approved, Held, Rejected, Hidden], LifecycleActor.Support, Appeal),
    ];

    private static IEnumerable<(CommentState, LifecycleActor, CommentAction)> Each(CommentState[] states, LifecycleActor actor, CommentAction action) =>
        states.Select(state => (state, actor, action));

    public static CommentState StateOf(Comment comment) => comment switch
    {
        { DeletedAt: not null } => Deleted,
        { Status: CommentStatus.Approved, HiddenAt: not null } => Hidden,
        { Status: CommentStatus.Approved } => Approved,
        { Status: CommentStatus.Held } => Held,
        { Status: CommentStatus.Rejected } => Rejected,
        _ => Pending,
    };

    public static bool IsAllowed(CommentState from, LifecycleActor actor, CommentAction action) => Allowed.Contains((from, actor, action));

    public static bool IsAllowed(Comment comment, LifecycleActor actor, CommentAction action) => IsAllowed(StateOf(comment), actor, action);

    /// <summary>Changes one comment and its public counters in the caller's transaction; the caller saves and commits.</summary>
    public static async Task<CommentTransition> ChangeAsync(this CommentsDbContext db, Comment comment, CommentChange change, CancellationToken cancellationToken) =>
        (await db.ChangeAsync([(comment, change)], cancellationToken))[0];

    /// <summary>The same for many comments (a group the worker decides together), with one statement for all their counters.</summary>
    public static async Task<IReadOnlyList<CommentTransition>> ChangeAsync(
        this CommentsDbContext db, IReadOnlyList<(Comment Comment, CommentChange Change)> changes, CancellationToken cancellationToken)
    {
        var transitions = changes.Select(c => Apply(db, c.Comment, c.Change)).ToList();
        if (transitions.Count > 0)
        {
            await db.ApplyAsync(transitions.Select(t => (t.Comment, t.WasPublic)), changes.Max(c => c.Change.At), cancellationToken);
        }
        return transitions;
    }

    /// <summary>
    /// Who decides an edit. Refused: deleted, or a moderator rejected it (an edit must not undo a person's rejection;
    /// the author can appeal instead). A person: it waits for one, or a person approved it after readers reported it.
    /// Otherwise the pipeline, as for a new comment.
    /// </summary>
    public static async Task<EditReview> ReviewOfEditAsync(this CommentsDbContext db, Comment comment, CancellationToken cancellationToken)
    {
        if (!IsAllowed(comment, Author, Edit))
        {
            return EditReview.Refused;
        }
        var people = db.Decisions.Where(d => d.CommentId == comment.Id && d.Actor != Decision.SystemActor);
        if (comment.Status == CommentStatus.Rejected && await people.AnyAsync(d => d.Outcome == DecisionOutcome.Rejected, cancellationToken))
        {
            return EditReview.Refused;
        }
        return comment.Status == CommentStatus.Held
            || await people.AnyAsync(d => d.Outcome == DecisionOutcome.Rejected || db.Reports.Any(r => r.CommentId == comment.Id), cancellationToken)
            ? EditReview.Person
            : EditReview.Pipeline;
    }

    /// <summary>What to tell the other instances and services once the change is committed, if anything.</summary>
    public static object? EventFor(CommentTransition transition) => transition switch
    {
        { Decision: { } decision } => new CommentsModerated { Items = [ModeratedOf(decision, transition.Comment.ArticleId)] },
        { To: Deleted } => new CommentDeleted
        {
            CommentId = transition.Comment.Id, ArticleId = transition.Comment.ArticleId, AuthorId = transition.Comment.AuthorId,
            DeletedAt = transition.Comment.DeletedAt!.Value,
        },
        _ => null,
    };

    /// <summary>A stored decision as the events carry it.</summary>
    public static ModeratedComment ModeratedOf(Decision decision, string articleId) => new()
    {
        CommentId = decision.CommentId, ArticleId = articleId, Outcome = decision.Outcome.WireName(), ReasonCodes = decision.ReasonCodes,
        Actor = decision.Actor, DecidedAt = decision.DecidedAt,
    };

    private static CommentTransition Apply(CommentsDbContext db, Comment comment, CommentChange change)
    {
        var from = StateOf(comment);
        if (!IsAllowed(from, change.Actor, change.Action))
        {
            throw new CommentTransitionRefusedException(comment.Id, from, change.Actor, change.Action);
        }
        var wasPublic = comment.IsPublic;
        switch (change.Action)
        {
            case Approve: comment.Status = CommentStatus.Approved; break;
            case Hold or Appeal: comment.Status = CommentStatus.Held; break;
            case Reject: comment.Status = CommentStatus.Rejected; break;
            case Edit: comment.Status = CommentStatus.Pending; break;
            case Delete: comment.DeletedAt = change.At; break;
            case Hide: comment.HiddenAt = change.At; break;
        }
        if (change.Action is Reject or Edit or Delete)
        {
            // An editors' pick is the text an editor read, published: featuring it again is a person's new decision.
            comment.FeaturedAt = null;
        }
        if (change.Actor == Moderator)
        {
            // A person's decision ends the hiding by reports and their claim.
            (comment.HiddenAt, comment.ClaimedBy, comment.ClaimExpiresAt) = (null, null, null);
        }
        comment.UpdatedAt = change.At;
        var to = StateOf(comment);
        var decision = change.Action is Approve or Hold or Reject ? db.Decisions.Add(new Decision
        {
            Id = Guid.CreateVersion7(change.At),
            CommentId = comment.Id,
            Revision = comment.Revision,
            Outcome = change.Action switch { Approve => DecisionOutcome.Approved, Hold => DecisionOutcome.Held, _ => DecisionOutcome.Rejected },
            ReasonCodes = [.. change.ReasonCodes],
            Actor = change.Actor == Pipeline ? Decision.SystemActor : change.ActorId,
            DecidedAt = change.At,
            Details = change.Details,
        }).Entity : null;
        // The pipeline's entries are named by their outcome ("held"), a person's by what they did ("reject").
        db.Audit(change.Actor == Pipeline ? Decision.SystemActor : change.ActorId, change.Actor == Pipeline ? to.WireName() : change.Action.WireName(), "comment",
            comment.Id.ToString(), change.At, new { Status = from.WireName() }, new { Status = to.WireName(), comment.Revision, change.ReasonCodes, Details = change.Audit });
        return new CommentTransition(comment, from, to, wasPublic, decision);
    }

}
