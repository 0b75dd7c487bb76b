using System.Text.Json;
using Comments.Contracts;
using Comments.ServiceDefaults;
using Comments.ServiceDefaults.Broker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;

namespace Comments.Harness;

/// <summary>
/// RabbitMQ as the run sees it directly, through the system's own <see cref="BrokerConnection"/>: the depth and
/// consumers of a queue, and messages put there by hand.
/// </summary>
public sealed class Broker(HarnessSettings settings) : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public BrokerConnection Connection { get; } = new(Options.Create(ClusterAware(new RabbitMqOptions { Host = settings.RabbitHost, Port = settings.RabbitPort })));

    /// <summary>The cluster's nodes (RabbitMq__Nodes__0 ...) as the scripts export them for the apps, so that a stopped node does not blind the run.</summary>
    private static RabbitMqOptions ClusterAware(RabbitMqOptions options)
    {
        new ConfigurationBuilder().AddEnvironmentVariables().Build().GetSection(RabbitMqOptions.SectionName).Bind(options);
        return options;
    }

    public async Task<long> ConsumersAsync(string queue) => (await ReadAsync(queue))?.Consumers ?? 0;

    /// <summary>Messages ready in the queue; -1 when the broker cannot say.</summary>
    public async Task<long> DepthAsync(string queue) => (await ReadAsync(queue))?.Messages ?? -1;

    private async Task<QueueDepth?> ReadAsync(string queue)
    {
        try
        {
            return (await Connection.ReadDepthsAsync([queue], CancellationToken.None)).FirstOrDefault();
        }
        catch (Exception exception) when (exception is RabbitMQ.Client.Exceptions.RabbitMQClientException or IOException)
        {
            return null; // The broker is away (a scenario stopped it).
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
        await using var channel = await Connection.OpenChannelAsync(confirms: true, CancellationToken.None);
        var properties = new BasicProperties { MessageId = messageId.ToString(), ContentType = "application/vnd.masstransit+json", Persistent = true };
        await channel.BasicPublishAsync("", QueueNames.ModerateComment, mandatory: true, properties, JsonSerializer.SerializeToUtf8Bytes(envelope, Json));
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
