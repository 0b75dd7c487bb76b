using Comments.Storage;
using Comments.Storage.Comments;
using Comments.Storage.Decisions;
using Comments.Storage.Support;
using Comments.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moderation.Worker.Retention;

namespace Moderation.Worker.Tests;

/// <summary>Deleted comments keep their text for moderators until the retention period ends (real PostgreSQL).</summary>
public sealed class DeletedCommentPurgerTests
{
    [Fact]
    public async Task Text_of_a_deleted_comment_is_kept_for_the_retention_period_and_erased_once_it_ends()
    {
        await TestServices.EnsureMigratedAsync();
        // A one-day retention and a comment deleted 12 hours ago: the in-process workers of the API tests (30 days, real
        // clock) leave it alone, and the cutoffs this test moves the clock to reach no other test's deleted comment.
        var deletedAt = DateTimeOffset.UtcNow.AddHours(-12);
        var comment = NewComment(deletedAt);
        await using (var db = TestServices.CreateDbContext())
        {
            db.Comments.Add(comment);
            db.CommentRevisions.Add(new CommentRevision { CommentId = comment.Id, Revision = 1, Body = comment.Body, CreatedAt = comment.CreatedAt });
            await db.SaveChangesAsync();
        }
        await using var services = new ServiceCollection().AddCommentsDatabase(TestServices.ConnectionString).BuildServiceProvider();
        var clock = new FakeTimeProvider(deletedAt + TimeSpan.FromDays(1) - TimeSpan.FromMinutes(1));
        var purger = new DeletedCommentPurger(services.GetRequiredService<IServiceScopeFactory>(),
            Options.Create(new RetentionOptions { DeletedCommentDays = 1 }), clock, NullLogger<DeletedCommentPurger>.Instance);

        await purger.PurgeAsync(CancellationToken.None);
        Assert.Equal(comment.Body, await StoredBodyAsync(comment.Id));

        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True(await purger.PurgeAsync(CancellationToken.None) >= 1);
        Assert.Equal("", await StoredBodyAsync(comment.Id));
        await using var check = TestServices.CreateDbContext();
        Assert.Equal("", (await check.CommentRevisions.SingleAsync(r => r.CommentId == comment.Id)).Body);
    }

    [Fact]
    public async Task Once_a_deleted_comment_is_purged_no_excerpt_of_it_stays_in_decisions_or_triage_context_and_old_finished_requests_go()
    {
        await TestServices.EnsureMigratedAsync();
        var deletedAt = DateTimeOffset.UtcNow.AddHours(-12);
        var comment = NewComment(deletedAt);
        var secret = comment.Body[^36..];
        var kept = new HelpRequest
        {
            Id = Guid.CreateVersion7(), Reference = HelpDesk.NewReference(), Category = HelpRequestCategory.Other, Priority = HelpRequestPriority.Normal, Status = HelpRequestStatus.Open, Message = "Where did it go?",
            ContextJson = $$"""{"recentComments":[{"id":"{{comment.Id}}","excerpt":"{{comment.Body}}"},{"id":"{{Guid.NewGuid()}}","excerpt":"another comment"}]}""",
            CreatedAt = deletedAt, UpdatedAt = DateTimeOffset.UtcNow, FirstReplyDueAt = deletedAt.AddDays(1),
        };
        var finished = new HelpRequest
        {
            Id = Guid.CreateVersion7(), Reference = HelpDesk.NewReference(), Category = HelpRequestCategory.Other, Priority = HelpRequestPriority.Normal, Status = HelpRequestStatus.Closed, Message = "Old and done.",
            CreatedAt = deletedAt.AddDays(-3), UpdatedAt = deletedAt.AddDays(-2),
        };
        await using (var db = TestServices.CreateDbContext())
        {
            db.Comments.Add(comment);
            db.Decisions.Add(new Decision
            {
                Id = Guid.CreateVersion7(), CommentId = comment.Id, Revision = 1, Outcome = DecisionOutcome.Held, Actor = Decision.SystemActor, DecidedAt = deletedAt,
                Details = new DecisionDetails { Matches = [new MatchedTerm("regretted", "suspect", 9, 9, comment.Body)] },
            });
            db.HelpRequests.AddRange(kept, finished);
            db.HelpRequestEvents.Add(new HelpRequestEvent { Id = Guid.CreateVersion7(), HelpRequestId = finished.Id, Kind = HelpRequestEventKind.Reply, Actor = "s", Body = "Done.", At = finished.UpdatedAt });
            await db.SaveChangesAsync();
        }
        await using var services = new ServiceCollection().AddCommentsDatabase(TestServices.ConnectionString).BuildServiceProvider();
        var purger = new DeletedCommentPurger(services.GetRequiredService<IServiceScopeFactory>(),
            Options.Create(new RetentionOptions { DeletedCommentDays = 1, HelpRequestDays = 1 }), new FakeTimeProvider(deletedAt + TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1)),
            NullLogger<DeletedCommentPurger>.Instance);

        await purger.PurgeAsync(CancellationToken.None);

        await using var check = TestServices.CreateDbContext();
        Assert.Empty((await check.Decisions.SingleAsync(d => d.CommentId == comment.Id)).Details.Matches);
        var context = (await check.HelpRequests.SingleAsync(r => r.Id == kept.Id)).ContextJson!;
        Assert.DoesNotContain(secret, context);
        Assert.Contains("another comment", context);
        Assert.False(await check.HelpRequests.AnyAsync(r => r.Id == finished.Id), "a help request closed past retention is deleted");
        Assert.False(await check.HelpRequestEvents.AnyAsync(e => e.HelpRequestId == finished.Id), "its thread goes with it");
    }

    private static async Task<string> StoredBodyAsync(Guid id)
    {
        await using var db = TestServices.CreateDbContext();
        return (await db.Comments.SingleAsync(c => c.Id == id)).Body;
    }

    private static Comment NewComment(DateTimeOffset deletedAt) => new()
    {
        Id = Guid.CreateVersion7(), ArticleId = "purge-test", AuthorId = $"reader-{Guid.NewGuid():N}", AuthorName = "r",
        Body = $"said and regretted {Guid.NewGuid()}", Status = CommentStatus.Approved,
        CreatedAt = deletedAt.AddMinutes(-5), UpdatedAt = deletedAt, DeletedAt = deletedAt,
    };
}
