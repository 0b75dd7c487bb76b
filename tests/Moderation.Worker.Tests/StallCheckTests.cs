using Comments.ServiceDefaults.Broker;
using Comments.Contracts;
using Comments.Testing;
using Microsoft.Extensions.DependencyInjection;
using Moderation.Worker.Messaging;

namespace Moderation.Worker.Tests;

/// <summary>
/// The worker's own stall check beside other workers: the queue's consumer count is the whole queue's, so what counts
/// is whether this process takes deliveries while work waits.
/// </summary>
public sealed class StallCheckTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);
    private static readonly QueueDepth WaitingWithAnotherConsumer = new(QueueNames.ModerateComment, Messages: 40, Consumers: 1);

    [Fact]
    public void Work_waiting_while_this_worker_holds_none_and_took_none_for_an_interval_is_a_stall_though_another_worker_consumes() =>
        Assert.True(BrokerWatch.IsStalled(busHealthy: true, WaitingWithAnotherConsumer, inHand: 0, lastReceivedAt: Now.AddSeconds(-11), Now, Interval));

    [Theory]
    [InlineData(0, -3)] // took a delivery within the interval
    [InlineData(5, -60)] // holds deliveries (retrying them while the database is away, say)
    public void A_worker_that_takes_or_holds_deliveries_is_not_stalled(int inHand, int lastReceivedSecondsAgo) =>
        Assert.False(BrokerWatch.IsStalled(true, WaitingWithAnotherConsumer, inHand, Now.AddSeconds(lastReceivedSecondsAgo), Now, Interval));

    [Fact]
    public void An_empty_queue_is_no_stall_and_an_unhealthy_bus_or_no_consumer_is_one()
    {
        Assert.False(BrokerWatch.IsStalled(true, WaitingWithAnotherConsumer with { Messages = 0 }, 0, null, Now, Interval));
        Assert.True(BrokerWatch.IsStalled(false, WaitingWithAnotherConsumer with { Messages = 0 }, 0, Now, Now, Interval));
        Assert.True(BrokerWatch.IsStalled(true, WaitingWithAnotherConsumer with { Messages = 0, Consumers = 0 }, 0, Now, Now, Interval));
    }

    [Fact]
    public async Task The_tracker_sees_this_process_take_a_delivery_and_finish_it()
    {
        await using var consumers = await ConsumerHarness.StartAsync(services => services.AddConsumptionTracking());
        var tracker = consumers.Services.GetRequiredService<ConsumptionTracker>();
        Assert.Null(tracker.LastReceivedAt);

        await consumers.Harness.Bus.Publish(SubmittedComments.New());

        await Eventually.Until(() => Task.FromResult((tracker.LastReceivedAt, tracker.InHand)), seen => seen.LastReceivedAt is not null && seen.InHand == 0,
            "a delivery taken and finished by this process");
    }
}
