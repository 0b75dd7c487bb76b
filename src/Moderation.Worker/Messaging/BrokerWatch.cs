using Comments.Contracts;
using Comments.Moderation;
using Comments.ServiceDefaults.Broker;
using MassTransit;
using Microsoft.Extensions.Options;
using Moderation.Worker.Comments;

namespace Moderation.Worker.Messaging;

/// <summary>
/// Every few seconds: reads the depth of the worker's queues for the metrics, and checks that this worker really
/// consumes. MassTransit reconnects after a broker restart, but not always (a known class of MassTransit issues);
/// when the broker answers and yet the bus is unhealthy, or the moderation queue has no consumer at all, for longer
/// than <see cref="ConsumerOptions.StalledRestartAfter"/>, the bus is stopped and started again.
/// </summary>
public sealed class BrokerWatch(
    IBusControl bus,
    BrokerConnection broker,
    QueueMetrics metrics,
    IOptions<ConsumerOptions> options,
    TimeProvider clock,
    ILogger<BrokerWatch> logger) : BackgroundService
{
    public static readonly string[] Queues =
    [
        QueueNames.ModerateComment, QueueNames.ModerateComment + ErrorQueues.Suffix,
        QueueNames.TriageHelpRequest, QueueNames.TriageHelpRequest + ErrorQueues.Suffix,
    ];

    private DateTimeOffset? _stalledSince;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicWork.RunAsync(options.Value.WatchInterval, clock, CheckAsync, logger, "Watching the broker", stoppingToken);

    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<QueueDepth> depths;
        try
        {
            depths = await broker.ReadDepthsAsync(Queues, cancellationToken);
        }
        catch (Exception exception) when (exception is RabbitMQ.Client.Exceptions.RabbitMQClientException or IOException)
        {
            _stalledSince = null; // The broker is away: MassTransit's own reconnecting is what should happen now.
            return;
        }
        metrics.Record(depths);

        var moderation = depths.FirstOrDefault(d => d.Queue == QueueNames.ModerateComment);
        var stalled = bus.CheckHealth().Status != BusHealthStatus.Healthy || moderation is { Consumers: 0 };
        var now = clock.GetUtcNow();
        if (!stalled)
        {
            _stalledSince = null;
            return;
        }
        _stalledSince ??= now;
        if (now - _stalledSince < options.Value.StalledRestartAfter)
        {
            return;
        }
        logger.LogWarning("The broker answers but this worker has not consumed for {Seconds:0} s; restarting the bus", (now - _stalledSince.Value).TotalSeconds);
        using (var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            stopping.CancelAfter(TimeSpan.FromSeconds(30));
            await bus.StopAsync(stopping.Token);
        }
        await bus.StartAsync(cancellationToken);
        _stalledSince = null;
        logger.LogInformation("The bus was restarted");
    }
}
