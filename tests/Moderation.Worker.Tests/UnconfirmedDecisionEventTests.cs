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
/// cannot start its receive endpoint afresh and the worker stops consuming (ConsumerOptions.PublishTimeout).
/// </summary>
public sealed class UnconfirmedDecisionEventTests : IAsyncLifetime
{
    private ConsumerHarness _consumers = null!;

    public async Task InitializeAsync() => _consumers = await ConsumerHarness.StartAsync(
        services => services.Configure<ConsumerOptions>(options => (options.PublishTimeout, options.RetryLimit) = (TimeSpan.FromSeconds(1), 0)),
        (context, bus) => bus.UsePublishFilter(typeof(NeverConfirmed<>), context));

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

    /// <summary>Publishes of <see cref="CommentsModerated"/> never complete, as a confirm that never comes; others pass.</summary>
    private sealed class NeverConfirmed<T> : IFilter<PublishContext<T>> where T : class
    {
        public Task Send(PublishContext<T> context, IPipe<PublishContext<T>> next) =>
            context.Message is CommentsModerated ? Task.Delay(Timeout.Infinite) : next.Send(context);

        public void Probe(ProbeContext context) => context.CreateFilterScope("never-confirmed");
    }
}
