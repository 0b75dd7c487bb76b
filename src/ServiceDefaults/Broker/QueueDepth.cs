using RabbitMQ.Client;

namespace Comments.ServiceDefaults.Broker;

/// <summary>Messages waiting in a queue (ready, not yet handed to a consumer) and the consumers attached to it.</summary>
public sealed record QueueDepth(string Queue, long Messages, long Consumers);

public static class QueueDepthReader
{
    /// <summary>The depth of each queue that exists; a queue the broker does not know is left out.</summary>
    public static async Task<IReadOnlyList<QueueDepth>> ReadDepthsAsync(
        this BrokerConnection broker, IEnumerable<string> queues, CancellationToken cancellationToken)
    {
        var depths = new List<QueueDepth>();
        foreach (var queue in queues)
        {
            // A passive declare of a missing queue closes the channel, so each queue gets its own.
            await using var channel = await broker.OpenChannelAsync(confirms: false, cancellationToken);
            try
            {
                var ok = await channel.QueueDeclarePassiveAsync(queue, cancellationToken);
                depths.Add(new QueueDepth(queue, ok.MessageCount, ok.ConsumerCount));
            }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
            {
                // Not declared yet: nothing has been sent to it and no consumer has started.
            }
        }
        return depths;
    }
}
