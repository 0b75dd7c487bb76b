using System.Collections.Concurrent;
using Comments.Contracts;
using Comments.Testing;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moderation.Worker.Comments;

namespace Moderation.Worker.Tests;

/// <summary>
/// After a broker restart a publish with confirms can wait for ever; the consumer must not wait with it, or MassTransit
/// cannot start its receive endpoint afresh and the worker stops consuming (ConsumerOptions.PublishTimeout). The
/// message's retry publishes the stored decision again, also when the lost event was a whole group's.
/// </summary>
public sealed class UnconfirmedDecisionEventTests : IAsyncLifetime
{
    private ConsumerHarness _consumers = null!;

    public async Task InitializeAsync() => _consumers = await ConsumerHarness.StartAsync(
        services => services.Configure<ConsumerOptions>(options => (options.PublishTimeout, options.RetryLimit, options.RetryMaxInterval) =
            (TimeSpan.FromSeconds(1), 1, TimeSpan.FromMilliseconds(200))),
        (context, bus) => bus.UsePublishFilter(typeof(FirstNeverConfirmed<>), context));

    // Bounded: a consumer that waits for ever would keep the harness from stopping, and the run from ending.
    public async Task DisposeAsync() => await _consumers.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));

    [Fact]
    public async Task A_decision_event_the_broker_never_confirms_fails_the_message_after_the_deadline_and_the_decision_stays_stored()
    {
        var message = SubmittedComments.New(body: "The event about this decision is never confirmed.");

        await _consumers.Harness.Bus.Publish(message);

        var consumer = _consumers.Harness.GetConsumerHarness<CommentSubmittedConsumer>();
        await Eventually.Until(
            () => consumer.Consumed.ConsumedNowAsync<CommentSubmitted>(m => m.Context.Message.CommentId == message.CommentId && m.Exception is TimeoutException),
            failed => failed > 0, timeout: TimeSpan.FromSeconds(20), what: "the consumer to give up waiting for the confirm");
        await using var db = TestServices.CreateDbContext();
        Assert.Equal(1, await db.Decisions.CountAsync(d => d.CommentId == message.CommentId));
    }

    [Fact]
    public async Task The_retry_of_a_message_whose_group_event_was_never_confirmed_publishes_its_decision_again()
    {
        var messages = Enumerable.Range(0, 4).Select(i => SubmittedComments.New(body: $"Comment number {i} whose first event is lost.")).ToList();

        await Task.WhenAll(messages.Select(m => _consumers.Harness.Bus.Publish(m)));

        // The harness records a publish once confirmed, so the lost ones are not among them: each decision was
        // published again by the retry of a message that gave up waiting for its group's event.
        var ids = messages.Select(m => m.CommentId).ToHashSet();
        await Eventually.Until(async () => (await _consumers.Harness.Published.PublishedMessagesNowAsync<CommentsModerated>(_ => true))
                .SelectMany(e => e.Items).Where(i => ids.Contains(i.CommentId)).Select(i => i.CommentId).ToList(),
            published => published.Count == ids.Count && published.ToHashSet().SetEquals(ids), timeout: TimeSpan.FromSeconds(20),
            what: "every decision published again, once");
        var consumer = _consumers.Harness.GetConsumerHarness<CommentSubmittedConsumer>();
        Assert.Equal(ids.Count, await consumer.Consumed.ConsumedNowAsync<CommentSubmitted>(m => ids.Contains(m.Context.Message.CommentId) && m.Exception is TimeoutException));
        await using var db = TestServices.CreateDbContext();
        Assert.Equal(ids.Count, await db.Decisions.CountAsync(d => ids.Contains(d.CommentId)));
    }

    /// <summary>
    /// The first publish of a <see cref="CommentsModerated"/> about a comment never completes, as a confirm that never
    /// comes; a publish about comments seen before (the retry's) passes.
    /// </summary>
    private sealed class FirstNeverConfirmed<T> : IFilter<PublishContext<T>> where T : class
    {
        private static readonly ConcurrentDictionary<Guid, bool> Lost = new();

        public Task Send(PublishContext<T> context, IPipe<PublishContext<T>> next) =>
            context.Message is CommentsModerated moderated && moderated.Items.Count(i => Lost.TryAdd(i.CommentId, true)) > 0
                ? Task.Delay(Timeout.Infinite)
                : next.Send(context);

        public void Probe(ProbeContext context) => context.CreateFilterScope("first-never-confirmed");
    }
}
