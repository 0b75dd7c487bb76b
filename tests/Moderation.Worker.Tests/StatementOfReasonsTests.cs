using Comments.Contracts;
using Comments.Storage.Comments;
using Comments.Storage.Legal;
using Comments.Storage.Notifications;
using Comments.Storage.Users;
using Comments.Testing;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Moderation.Worker.Comments;

namespace Moderation.Worker.Tests;

/// <summary>
/// Issue 21, Digital Services Act article 17: the pipeline's holds and rejections each write exactly one statement of
/// reasons in the decision's transaction, however often the message arrives.
/// </summary>
public sealed class StatementOfReasonsTests : IAsyncLifetime
{
    private ConsumerHarness _consumers = null!;

    private ITestHarness Harness => _consumers.Harness;

    public async Task InitializeAsync() => _consumers = await ConsumerHarness.StartAsync();

    public async Task DisposeAsync() => await _consumers.DisposeAsync();

    [Fact]
    public async Task An_automatic_hold_and_rejection_write_one_statement_each_even_when_redelivered()
    {
        var held = SubmittedComments.New(body: "Cheap watches at http://cheap-watches.example.com today");
        var rejected = SubmittedComments.New();
        var approved = SubmittedComments.New();
        CommentSubmitted[] messages = [held, rejected, approved];

        await using (var setup = TestServices.CreateDbContext())
        {
            // A banned author's comment is rejected by the pipeline.
            setup.UserStandings.Add(new UserStanding { UserId = rejected.AuthorId, Status = UserStatus.Banned });
            await setup.SaveChangesAsync();
        }

        // Copies at once (decided in groups or each alone) and one more after the decisions were committed.
        await Task.WhenAll(messages.SelectMany(m => Enumerable.Repeat(m, 4)).Select(m => Harness.Bus.Publish(m)));
        await ConsumedAsync(12);
        await Task.WhenAll(messages.Select(m => Harness.Bus.Publish(m)));
        await ConsumedAsync(15);

        var consumer = Harness.GetConsumerHarness<CommentSubmittedConsumer>();
        Assert.Equal(0, await consumer.Consumed.ConsumedNowAsync<CommentSubmitted>(m => m.Exception is not null));
        await using var db = TestServices.CreateDbContext();
        var statuses = await db.Comments.AsNoTracking().Where(c => c.Id == held.CommentId || c.Id == rejected.CommentId || c.Id == approved.CommentId)
            .ToDictionaryAsync(c => c.Id, c => c.Status);
        Assert.Equal([CommentStatus.Held, CommentStatus.Rejected, CommentStatus.Approved], messages.Select(m => statuses[m.CommentId]));
        var statements = await db.StatementsOfReasons.AsNoTracking().Where(s => s.CommentId == held.CommentId || s.CommentId == rejected.CommentId || s.CommentId == approved.CommentId)
            .ToListAsync();
        var hold = Assert.Single(statements, s => s.CommentId == held.CommentId);
        var removal = Assert.Single(statements, s => s.CommentId == rejected.CommentId);
        Assert.DoesNotContain(statements, s => s.CommentId == approved.CommentId);
        Assert.Equal((Restriction.CommentHeld, AutomationUse.Decision, DecisionGround.TermsOfService, "system", held.AuthorId),
            (hold.Restriction, hold.Automation, hold.Ground, hold.DecidedBy, hold.UserId));
        Assert.Equal(Restriction.CommentRemoved, removal.Restriction);
        var decision = await db.Decisions.AsNoTracking().SingleAsync(d => d.CommentId == rejected.CommentId);
        Assert.Equal((decision.Id, decision.DecidedAt), (removal.DecisionId!.Value, removal.IssuedAt));
        Assert.Equal(decision.ReasonCodes, removal.ReasonCodes);
        // A banned author's post is not told again (the ban's statement was); a hold is shown in the page only.
        Assert.Equal(0, await db.Notifications.CountAsync(n => n.Kind == NotificationKind.Statement && n.UserId == rejected.AuthorId));
        Assert.Equal(0, await db.Notifications.CountAsync(n => n.Kind == NotificationKind.Statement && n.UserId == held.AuthorId));
    }

    [Fact]
    public async Task A_hold_that_judges_nothing_the_comment_says_writes_no_statement()
    {
        var premoderated = SubmittedComments.New();
        await using (var setup = TestServices.CreateDbContext())
        {
            setup.UserStandings.Add(new UserStanding { UserId = premoderated.AuthorId, Status = UserStatus.Premoderated });
            await setup.SaveChangesAsync();
        }

        await Harness.Bus.Publish(premoderated);
        await ConsumedAsync(1);

        await using var db = TestServices.CreateDbContext();
        var decision = await Eventually.Until(() => db.Decisions.AsNoTracking().SingleOrDefaultAsync(d => d.CommentId == premoderated.CommentId),
            d => d is not null, what: "the pre-moderated author's comment decided");
        Assert.Contains("AUTHOR_PREMODERATED", decision!.ReasonCodes);
        Assert.False(await db.StatementsOfReasons.AnyAsync(s => s.CommentId == premoderated.CommentId),
            "pre-moderation's hold is told by the account's own statement, not one per comment");
    }

    private Task ConsumedAsync(int count)
    {
        var consumer = Harness.GetConsumerHarness<CommentSubmittedConsumer>();
        return Eventually.Until(() => consumer.Consumed.ConsumedNowAsync<CommentSubmitted>(_ => true), consumed => consumed >= count, what: $"{count} deliveries consumed");
    }
}
