using Comments.Storage.Comments;
using Comments.Storage.Comments.Lifecycle;
using Comments.Testing;
using Microsoft.EntityFrameworkCore;
using static Comments.Storage.Comments.Lifecycle.CommentAction;
using static Comments.Storage.Comments.Lifecycle.CommentState;
using static Comments.Storage.Comments.Lifecycle.LifecycleActor;

namespace Moderation.Worker.Tests;

/// <summary>Issue 17: every (state, actor, action) of a comment's life, allowed or refused, and what an allowed one writes.</summary>
public sealed class CommentLifecycleTests
{
    /// <summary>Everything allowed, with the state it leads to; every other combination must be refused.</summary>
    private static readonly Dictionary<(CommentState, LifecycleActor, CommentAction), CommentState> Expected = new()
    {
        [(Pending, LifecycleActor.Pipeline, Approve)] = Approved, [(Pending, LifecycleActor.Pipeline, Hold)] = Held, [(Pending, LifecycleActor.Pipeline, Reject)] = Rejected,
        [(Pending, Author, Edit)] = Pending, [(Approved, Author, Edit)] = Pending, [(Held, Author, Edit)] = Pending,
        [(Rejected, Author, Edit)] = Pending, [(Hidden, Author, Edit)] = Pending,
        [(Pending, Author, Delete)] = Deleted, [(Approved, Author, Delete)] = Deleted, [(Held, Author, Delete)] = Deleted,
        [(Rejected, Author, Delete)] = Deleted, [(Hidden, Author, Delete)] = Deleted,
        [(Approved, Reader, Hide)] = Hidden,
        [(Pending, Moderator, Approve)] = Approved, [(Approved, Moderator, Approve)] = Approved, [(Held, Moderator, Approve)] = Approved,
        [(Rejected, Moderator, Approve)] = Approved, [(Hidden, Moderator, Approve)] = Approved,
        [(Pending, Moderator, Reject)] = Rejected, [(Approved, Moderator, Reject)] = Rejected, [(Held, Moderator, Reject)] = Rejected,
        [(Rejected, Moderator, Reject)] = Rejected, [(Hidden, Moderator, Reject)] = Rejected,
        [(Approved, LifecycleActor.Support, Appeal)] = Held, [(Held, LifecycleActor.Support, Appeal)] = Held,
        [(Rejected, LifecycleActor.Support, Appeal)] = Held, [(Hidden, LifecycleActor.Support, Appeal)] = Held,
    };

    public static TheoryData<CommentState, LifecycleActor, CommentAction> Every()
    {
        var every = new TheoryData<CommentState, LifecycleActor, CommentAction>();
        foreach (var state in Enum.GetValues<CommentState>())
        {
            foreach (var actor in Enum.GetValues<LifecycleActor>())
            {
                foreach (var action in Enum.GetValues<CommentAction>())
                {
                    every.Add(state, actor, action);
                }
            }
        }
        return every;
    }

    [Theory]
    [MemberData(nameof(Every))]
    public async Task Each_change_is_allowed_or_refused_as_the_table_says_and_an_allowed_one_writes_state_decision_audit_and_counters(
        CommentState from, LifecycleActor actor, CommentAction action)
    {
        Assert.Equal(Expected.ContainsKey((from, actor, action)), CommentLifecycle.IsAllowed(from, actor, action));
        await TestServices.EnsureMigratedAsync();
        await using var db = TestServices.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var comment = InState(from);
        db.Comments.Add(comment);
        await db.SaveChangesAsync();
        var at = DateTimeOffset.UtcNow;
        var change = new CommentChange(actor, "lifecycle-actor", action, at) { ReasonCodes = ["OTHER"] };

        if (!Expected.TryGetValue((from, actor, action), out var to))
        {
            await Assert.ThrowsAsync<CommentTransitionRefusedException>(() => db.ChangeAsync(comment, change, CancellationToken.None));
            return;
        }
        var transition = await db.ChangeAsync(comment, change, CancellationToken.None);
        await db.SaveChangesAsync();

        Assert.Equal((from, to), (transition.From, transition.To));
        Assert.Equal(to, CommentLifecycle.StateOf(await db.Comments.AsNoTracking().SingleAsync(c => c.Id == comment.Id)));
        Assert.Equal(action is Approve or Hold or Reject, await db.Decisions.AnyAsync(d => d.CommentId == comment.Id));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.TargetId == comment.Id.ToString()), "every change is audited");
        // The counters move by what became public or stopped being public (a fresh article: a row only once they moved).
        var delta = (to == Approved ? 1 : 0) - (from == Approved ? 1 : 0);
        var published = await db.ArticleStats.Where(s => s.ArticleId == comment.ArticleId).Select(s => (int?)s.PublishedCount).SingleOrDefaultAsync();
        Assert.Equal(delta != 0 || to == Approved ? Math.Max(0, delta) : null, published);
        Assert.Equal(CommentLifecycle.EventFor(transition) is not null, action is Approve or Hold or Reject or Delete);
    }

    private static Comment InState(CommentState state) => new()
    {
        Id = Guid.CreateVersion7(), ArticleId = $"lifecycle-{Guid.NewGuid():N}", AuthorId = "lifecycle-author", AuthorName = "a", Body = "A comment.",
        Status = state switch
        {
            Approved or Hidden => CommentStatus.Approved,
            Held => CommentStatus.Held,
            Rejected => CommentStatus.Rejected,
            _ => CommentStatus.Pending,
        },
        HiddenAt = state == Hidden ? DateTimeOffset.UtcNow : null,
        DeletedAt = state == Deleted ? DateTimeOffset.UtcNow : null,
        CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
    };
}
