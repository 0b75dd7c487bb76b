using Comments.Contracts;
using MassTransit;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;

namespace Comments.ServiceDefaults.Broker;

/// <summary>
/// The two queues the API sends to and the worker consumes, declared alike on both sides. MassTransit declares a
/// queue: address on send without queue arguments, which RabbitMQ refuses for a quorum queue; with quorum queues the
/// API therefore declares the queues itself (<see cref="DeclareAsync"/>) and sends to their exchanges instead.
/// </summary>
public sealed class IntakeQueues(IOptions<RabbitMqOptions> options)
{
    public static readonly string[] Names = [QueueNames.ModerateComment, QueueNames.TriageHelpRequest];

    public Uri Address(string queue) =>
        options.Value.QueueType == QueueType.Quorum ? new Uri($"exchange:{queue}") : new Uri($"queue:{queue}");

    /// <summary>Durable queues of the configured type, each bound to the fanout exchange of its name, as MassTransit's receive endpoint has them.</summary>
    public async Task DeclareAsync(BrokerConnection broker, CancellationToken cancellationToken)
    {
        await using var channel = await broker.OpenChannelAsync(confirms: false, cancellationToken);
        foreach (var queue in Names)
        {
            await channel.ExchangeDeclareAsync(queue, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
            await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, Arguments(), cancellationToken: cancellationToken);
            await channel.QueueBindAsync(queue, queue, "", cancellationToken: cancellationToken);
        }
    }

    /// <summary>What the worker's receive endpoint of an intake queue adds to MassTransit's declare.</summary>
    public void Configure(IReceiveEndpointConfigurator endpoint)
    {
        if (options.Value.QueueType == QueueType.Quorum && endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.SetQuorumQueue();
        }
    }

    private Dictionary<string, object?> Arguments() =>
        options.Value.QueueType == QueueType.Quorum ? new() { ["x-queue-type"] = "quorum" } : [];
}
