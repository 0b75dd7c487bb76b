using MassTransit;

namespace Moderation.Worker;

/// <summary>
/// The one retry layer on every worker path: exponential back-off for about a minute (long enough to ride out a
/// database restart), then the message moves to its <c>_error</c> queue.
/// </summary>
public static class RetryPolicy
{
    public static void UseStandardRetry(this IReceiveEndpointConfigurator endpoint) =>
        endpoint.UseMessageRetry(retry => retry.Exponential(
            retryLimit: 10,
            minInterval: TimeSpan.FromMilliseconds(200),
            maxInterval: TimeSpan.FromSeconds(15),
            intervalDelta: TimeSpan.FromMilliseconds(500)));
}
