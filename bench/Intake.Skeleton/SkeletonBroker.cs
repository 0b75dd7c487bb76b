using System.Text.Json;
using Comments.Contracts;
using RabbitMQ.Client;

namespace Intake.Skeleton;

/// <summary>
/// One connection to RabbitMQ, the skeleton's durable queue, and one channel shared by every request that publishes
/// with confirmation tracking: many publishes in flight, each awaiting its own confirm.
/// </summary>
public sealed class SkeletonBroker(IConfiguration configuration) : IHostedService
{
    public const string Queue = "intake-skeleton";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private IConnection _connection = null!;
    private IChannel _publisher = null!;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory
        {
            HostName = configuration["RabbitMq:Host"] ?? "127.0.0.1",
            Port = int.Parse(configuration["RabbitMq:Port"] ?? "5672"),
            UserName = configuration["RabbitMq:Username"] ?? "guest",
            Password = configuration["RabbitMq:Password"] ?? "guest",
            ClientProvidedName = "intake-skeleton",
        };
        _connection = await factory.CreateConnectionAsync(cancellationToken);
        _publisher = await _connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        await _publisher.QueueDeclareAsync(Queue, durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
    }

    /// <summary>Returns once the broker has confirmed the persistent message (throws when it refused or returned it).</summary>
    public async Task PublishAsync(CommentSubmitted comment)
    {
        var properties = new BasicProperties { MessageId = comment.CommentId.ToString(), ContentType = Envelope.ContentType, Persistent = true };
        // Never cancelled half-way: a publish cancelled between its frames breaks the shared channel for everyone.
        await _publisher.BasicPublishAsync("", Queue, mandatory: true, properties, JsonSerializer.SerializeToUtf8Bytes(Envelope.For(comment, Queue), Json));
    }

    public static CommentSubmitted Read(ReadOnlySpan<byte> body) => JsonSerializer.Deserialize<Envelope>(body, Json)!.Message;

    public Task<IChannel> OpenConsumerChannelAsync(CancellationToken cancellationToken) =>
        _connection.CreateChannelAsync(cancellationToken: cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _publisher.CloseAsync(cancellationToken);
        await _connection.CloseAsync(cancellationToken);
    }
}
