using System.Text;
using System.Text.Json;
using RabbitMQ.Client;

namespace Comments.ServiceDefaults.Broker;

/// <summary>
/// Reads and replays a queue's <c>_error</c> messages. A replay is confirmed by the broker before the failed copy is
/// removed, so the error queue stays the one record of what failed until it is safely back in its queue.
/// </summary>
public sealed class ErrorQueues(BrokerConnection broker)
{
    public const string Suffix = "_error";
    private const int ScanLimit = 10_000;

    public async Task<IReadOnlyList<FailedMessage>> ListAsync(IEnumerable<string> queues, int limit, CancellationToken cancellationToken)
    {
        var found = new List<FailedMessage>();
        foreach (var queue in queues)
        {
            await ScanAsync(queue + Suffix, limit - found.Count, message =>
            {
                found.Add(Describe(queue + Suffix, message));
                return false;
            }, cancellationToken);
        }
        return found;
    }

    /// <summary>Sends the failed message with this id back to its queue; false when no error queue holds it.</summary>
    public async Task<FailedMessage?> ReplayAsync(IEnumerable<string> queues, string id, CancellationToken cancellationToken)
    {
        foreach (var queue in queues)
        {
            FailedMessage? replayed = null;
            await using var publisher = await broker.OpenChannelAsync(confirms: true, cancellationToken);
            await ScanAsync(queue + Suffix, ScanLimit, async (channel, message) =>
            {
                if (MessageId(message) != id)
                {
                    return false;
                }
                await publisher.BasicPublishAsync("", queue, mandatory: true, WithoutFaultHeaders(message.BasicProperties), message.Body, cancellationToken);
                await channel.BasicAckAsync(message.DeliveryTag, multiple: false, cancellationToken);
                replayed = Describe(queue + Suffix, message);
                return true;
            }, cancellationToken);
            if (replayed is not null)
            {
                return replayed;
            }
        }
        return null;
    }

    private Task ScanAsync(string errorQueue, int limit, Func<BasicGetResult, bool> visit, CancellationToken cancellationToken) =>
        ScanAsync(errorQueue, limit, (_, message) => Task.FromResult(visit(message)), cancellationToken);

    /// <summary>
    /// Takes up to <paramref name="limit"/> messages from the queue unacknowledged until <paramref name="visit"/>
    /// says stop; closing the channel returns every message not acknowledged to the queue, in its place.
    /// </summary>
    private async Task ScanAsync(string errorQueue, int limit, Func<IChannel, BasicGetResult, Task<bool>> visit, CancellationToken cancellationToken)
    {
        await using var channel = await broker.OpenChannelAsync(confirms: false, cancellationToken);
        try
        {
            await channel.QueueDeclarePassiveAsync(errorQueue, cancellationToken);
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return; // No message has ever failed on this queue.
        }
        for (var taken = 0; taken < limit; taken++)
        {
            var message = await channel.BasicGetAsync(errorQueue, autoAck: false, cancellationToken);
            if (message is null || await visit(channel, message))
            {
                break;
            }
        }
        await channel.CloseAsync(cancellationToken);
    }

    private static FailedMessage Describe(string errorQueue, BasicGetResult message)
    {
        var headers = message.BasicProperties.Headers ?? new Dictionary<string, object?>();
        return new FailedMessage(
            MessageId(message),
            errorQueue,
            Header(headers, "MT-Fault-MessageType") ?? EnvelopeMessageType(message),
            CommentId(message),
            Header(headers, "MT-Fault-ExceptionType"),
            Header(headers, "MT-Fault-Message"),
            DateTimeOffset.TryParse(Header(headers, "MT-Fault-Timestamp"), out var at) ? at : null,
            int.TryParse(Header(headers, "MT-Fault-RetryCount"), out var retries) ? retries : null);
    }

    private static string MessageId(BasicGetResult message) =>
        message.BasicProperties.MessageId ?? $"delivery-{message.DeliveryTag}";

    private static BasicProperties WithoutFaultHeaders(IReadOnlyBasicProperties original)
    {
        var properties = new BasicProperties(original) { Persistent = true };
        if (original.Headers is { } headers)
        {
            properties.Headers = headers
                .Where(h => !h.Key.StartsWith("MT-Fault-", StringComparison.Ordinal) && h.Key != "MT-Reason")
                .ToDictionary(h => h.Key, h => h.Value);
        }
        return properties;
    }

    private static string? Header(IDictionary<string, object?> headers, string name) =>
        headers.TryGetValue(name, out var value) ? value switch
        {
            byte[] bytes => Encoding.UTF8.GetString(bytes),
            null => null,
            _ => value.ToString(),
        } : null;

    private static Guid? CommentId(BasicGetResult message) =>
        ReadEnvelope(message, envelope =>
            envelope.TryGetProperty("message", out var body) && body.ValueKind == JsonValueKind.Object
            && body.TryGetProperty("commentId", out var id) && id.TryGetGuid(out var guid) ? guid : (Guid?)null);

    private static string? EnvelopeMessageType(BasicGetResult message) =>
        ReadEnvelope(message, envelope =>
            envelope.TryGetProperty("messageType", out var types) && types.ValueKind == JsonValueKind.Array && types.GetArrayLength() > 0
                ? types[0].GetString() : null);

    private static T? ReadEnvelope<T>(BasicGetResult message, Func<JsonElement, T?> read)
    {
        try
        {
            using var document = JsonDocument.Parse(message.Body);
            return document.RootElement.ValueKind == JsonValueKind.Object ? read(document.RootElement) : default;
        }
        catch (JsonException)
        {
            return default; // A payload that is not JSON at all is exactly what can end up here.
        }
    }
}
