using Comments.Contracts;
using Comments.Storage;
using Comments.Storage.Comments;
using Comments.Testing;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Moderation.Worker.Comments;

namespace Moderation.Worker.Tests;

/// <summary>
/// The consumer through MassTransit's in-memory test harness (<see cref="ConsumerHarness"/>).
/// </summary>
public sealed class CommentSubmittedConsumerTests : IAsyncLifetime
{
    private ConsumerHarness _consumers = null!;

    private ITestHarness Harness => _consumers.Harness;

    public async Task InitializeAsync() => _consumers = await ConsumerHarness.StartAsync();

    public async Task DisposeAsync() => await _consumers.DisposeAsync();

    [Fact]
    public async Task Stores_the_comment_with_its_decision_and_publishes_comment_moderated()
    {
        var message = SubmittedComments.New();

        await Harness.Bus.Publish(message);

        await DecisionPublishedAsync(message);
        await using var db = TestServices.CreateDbContext();
        var comment = await db.Comments.Include(c => c.Decisions).SingleAsync(c => c.Id == message.CommentId);
        Assert.Equal(CommentStatus.Approved, comment.Status);
        Assert.Equal(message.Body, comment.Body);
        Assert.Equal(message.SubmittedAt, comment.CreatedAt, TimeSpan.FromMilliseconds(1));
        var decision = Assert.Single(comment.Decisions);
        Assert.Equal("system", decision.Actor);
        Assert.Empty(decision.ReasonCodes);
    }

    [Fact]
    public async Task Same_message_delivered_many_times_at_once_gives_one_comment_and_one_decision()
    {
        var message = SubmittedComments.New();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Harness.Bus.Publish(message)));

        var consumer = Harness.GetConsumerHarness<CommentSubmittedConsumer>();
        await Eventually.Until(() => consumer.Consumed.ConsumedNowAsync<CommentSubmitted>(m => m.Context.Message.CommentId == message.CommentId),
            count => count == 8, what: "eight deliveries consumed");
        Assert.Equal(0, await consumer.Consumed.ConsumedNowAsync<CommentSubmitted>(m => m.Exception is not null));
        await using var db = TestServices.CreateDbContext();
        Assert.Equal(1, await db.Comments.CountAsync(c => c.Id == message.CommentId));
        Assert.Equal(1, await db.Decisions.CountAsync(d => d.CommentId == message.CommentId));
    }

    [Fact]
    public async Task Comment_recorded_as_pending_by_the_api_is_decided_not_duplicated()
    {
        var message = SubmittedComments.New();
        await using (var db = TestServices.CreateDbContext())
        {
            await db.InsertPendingIfAbsentAsync(message.ToPendingComment(), CancellationToken.None);
        }

        await Harness.Bus.Publish(message);

        await DecisionPublishedAsync(message);
        await using var check = TestServices.CreateDbContext();
        var comment = await check.Comments.SingleAsync(c => c.Id == message.CommentId);
        Assert.Equal(CommentStatus.Approved, comment.Status);
    }

    private Task DecisionPublishedAsync(CommentSubmitted message) => Eventually.Until(
        () => Harness.Published.PublishedNowAsync<CommentsModerated>(m => m.Context.Message.Items.Any(i => i.CommentId == message.CommentId)),
        published => published > 0, what: "the CommentsModerated event with the comment's decision");
}
