using Comments.Contracts;
using Comments.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moderation.Worker.Comments;

namespace Moderation.Worker.Tests;

/// <summary>
/// A group's one event that the broker never confirms is made good: each of the group's messages fails after the
/// deadline, and its retry, decided alone, publishes the stored decision again.
/// </summary>
public sealed class LostGroupEventTests : IAsyncLifetime
{
    private ConsumerHarness _consumers = null!;

    public async Task InitializeAsync() => _consumers = await ConsumerHarness.StartAsync(
        services => services.Configure<ConsumerOptions>(options => (options.PublishTimeout, options.RetryLimit, options.RetryMaxInterval) =
            (TimeSpan.FromSeconds(1), 1, TimeSpan.FromMilliseconds(200))),
        (context, bus) => bus.UsePublishFilter(typeof(FirstNeverConfirmed<>), context));

    public async Task DisposeAsync() => await _consumers.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));

    [Fact]
    public async Task The_retry_of_a_message_whose_group_event_was_never_confirmed_publishes_its_decision_again()
    {
        var messages = Enumerable.Range(0, 4).Select(i => SubmittedComments.New(body: $"Comment number {i} whose first event is lost.")).ToList();

        await Task.WhenAll(messages.Select(m => _consumers.Harness.Bus.Publish(m)));

        var ids = messages.Select(m => m.CommentId).ToHashSet();
        await Eventually.Until(async () => (await _consumers.Harness.Published.PublishedMessagesNowAsync<CommentsModerated>(_ => true))
                .SelectMany(e => e.Items).Where(i => ids.Contains(i.CommentId)).Select(i => i.CommentId).ToHashSet(),
            published => published.SetEquals(ids), timeout: TimeSpan.FromSeconds(20), what: "every decision published, the lost one's again");
        // The harness records a publish once confirmed, so the lost one is not among them: every decision was published
        // again by the retry of a message that gave up waiting for it.
        var consumer = _consumers.Harness.GetConsumerHarness<CommentSubmittedConsumer>();
        Assert.True(await consumer.Consumed.ConsumedNowAsync<CommentSubmitted>(m => ids.Contains(m.Context.Message.CommentId) && m.Exception is TimeoutException) > 0);
        await using var db = TestServices.CreateDbContext();
        Assert.Equal(ids.Count, await db.Decisions.CountAsync(d => ids.Contains(d.CommentId)));
    }

    /// <summary>The first publish of <see cref="CommentsModerated"/> never completes, as a confirm that never comes; the rest pass.</summary>
    private sealed class FirstNeverConfirmed<T> : IFilter<PublishContext<T>> where T : class
    {
        public Task Send(PublishContext<T> context, IPipe<PublishContext<T>> next) =>
            context.Message is CommentsModerated && Interlocked.Exchange(ref Lost.Once, 1) == 0 ? Task.Delay(Timeout.Infinite) : next.Send(context);

        public void Probe(ProbeContext context) => context.CreateFilterScope("first-never-confirmed");
    }

    private static class Lost
    {
        public static int Once;
    }
}
