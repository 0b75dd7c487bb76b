using Comments.Contracts;
using MassTransit;

namespace Moderation.Worker.Messaging;

/// <summary>
/// What this process has in hand from <c>moderate-comment</c> and when it last took a delivery from it: the queue's
/// consumer count is the whole queue's, so beside a second worker it cannot tell that this one stopped consuming
/// (<see cref="BrokerWatch"/>). Other endpoints' deliveries (help requests, notifications) do not count.
/// </summary>
public sealed class ConsumptionTracker(TimeProvider clock) : IReceiveObserver
{
    private int _inHand;
    private long _lastReceivedTicks;

    public int InHand => Volatile.Read(ref _inHand);

    public DateTimeOffset? LastReceivedAt => Interlocked.Read(ref _lastReceivedTicks) is > 0 and var ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    public Task PreReceive(ReceiveContext context)
    {
        if (!FromModeration(context))
        {
            return Task.CompletedTask;
        }
        Interlocked.Increment(ref _inHand);
        Interlocked.Exchange(ref _lastReceivedTicks, clock.GetUtcNow().UtcTicks);
        return Task.CompletedTask;
    }

    public Task PostReceive(ReceiveContext context) => Done(context);

    public Task ReceiveFault(ReceiveContext context, Exception exception) => Done(context);

    public Task PostConsume<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType) where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception) where T : class => Task.CompletedTask;

    private Task Done(ReceiveContext context)
    {
        if (FromModeration(context))
        {
            Interlocked.Decrement(ref _inHand);
        }
        return Task.CompletedTask;
    }

    private static bool FromModeration(ReceiveContext context) =>
        context.InputAddress.AbsolutePath.TrimEnd('/').EndsWith("/" + QueueNames.ModerateComment, StringComparison.Ordinal);
}
