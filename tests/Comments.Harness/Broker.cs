using System.Text.Json;
using Comments.Contracts;
using RabbitMQ.Client;

namespace Comments.Harness;

/// <summary>RabbitMQ as the run sees it directly: consumers on a queue, and messages put there by hand.</summary>
public sealed class Broker(HarnessSettings settings)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<uint> ConsumersAsync(string queue) => (await DeclarePassiveAsync(queue))?.ConsumerCount ?? 0;

    /// <summary>Messages ready in the queue; -1 when the broker cannot say.</summary>
    public async Task<long> DepthAsync(string queue) => (await DeclarePassiveAsync(queue)) is { } ok ? ok.MessageCount : -1;

    private async Task<QueueDeclareOk?> DeclarePassiveAsync(string queue)
    {
        try
        {
            await using var connection = await Factory().CreateConnectionAsync();
            await using var channel = await connection.CreateChannelAsync();
            return await channel.QueueDeclarePassiveAsync(queue);
        }
        catch (Exception exception) when (exception is RabbitMQ.Client.Exceptions.RabbitMQClientException or IOException)
        {
            return null;
        }
    }

    /// <summary>Sends a comment message in MassTransit's envelope, as the API would, and waits for the confirm.</summary>
    public async Task SendAsync(CommentSubmitted message, Guid messageId)
    {
        var envelope = new
        {
            MessageId = messageId,
            DestinationAddress = $"rabbitmq://{settings.RabbitHost}/{QueueNames.ModerateComment}",
            MessageType = new[] { $"urn:message:{typeof(CommentSubmitted).Namespace}:{nameof(CommentSubmitted)}" },
            Message = message,
            SentTime = DateTimeOffset.UtcNow,
            Headers = new { },
        };
        await using var connection = await Factory().CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(true, true));
        var properties = new BasicProperties { MessageId = messageId.ToString(), ContentType = "application/vnd.masstransit+json", Persistent = true };
        await channel.BasicPublishAsync("", QueueNames.ModerateComment, mandatory: true, properties, JsonSerializer.SerializeToUtf8Bytes(envelope, Json));
    }

    private ConnectionFactory Factory() => new()
    {
        HostName = settings.RabbitHost,
        Port = settings.RabbitPort,
        UserName = "guest",
        Password = "guest",
        RequestedConnectionTimeout = TimeSpan.FromSeconds(3),
    };
}
