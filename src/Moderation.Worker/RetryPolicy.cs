using MassTransit;
using Moderation.Worker.Comments;

namespace Moderation.Worker;

/// <summary>
/// The one retry layer on every worker path: exponential back-off (by default 10 tries over about a minute and a
/// half, long enough to ride out a database restart), then the message moves to its <c>_error</c> queue.
/// </summary>
public static class RetryPolicy
{
    public static void UseStandardRetry(this IReceiveEndpointConfigurator endpoint, ConsumerOptions options) =>
        endpoint.UseMessageRetry(retry => retry.Exponential(
            retryLimit: options.RetryLimit,
            minInterval: TimeSpan.FromMilliseconds(200),
            maxInterval: options.RetryMaxInterval,
            intervalDelta: TimeSpan.FromMilliseconds(500)));
}
