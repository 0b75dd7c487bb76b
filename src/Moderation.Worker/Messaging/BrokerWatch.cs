using Comments.Contracts;
using Comments.Moderation;
using Comments.ServiceDefaults.Broker;
using MassTransit;
using Microsoft.Extensions.Options;
using Moderation.Worker.Comments;

namespace Moderation.Worker.Messaging;

/// <summary>
/// Reads the queues' depth for the metrics, and exits with <see cref="StalledExitCode"/> when this worker has stopped
/// consuming although the broker answers, for its supervisor to start a fresh one (why: docs/architecture.md).
/// </summary>
public sealed class BrokerWatch(
    IBusControl bus,
    BrokerConnection broker,
    ConsumptionTracker consumption,
    QueueMetrics metrics,
    IOptions<ConsumerOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider clock,
    ILogger<BrokerWatch> logger) : BackgroundService
{
    public static readonly string[] Queues =
    [
        QueueNames.ModerateComment, QueueNames.ModerateComment + ErrorQueues.Suffix,
        QueueNames.TriageHelpRequest, QueueNames.TriageHelpRequest + ErrorQueues.Suffix,
    ];

    /// <summary>EX_TEMPFAIL: a temporary failure, start me again.</summary>
    public const int StalledExitCode = 75;

    private DateTimeOffset? _stalledSince;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicWork.RunAsync(options.Value.WatchInterval, clock, CheckAsync, logger, "Watching the broker", stoppingToken);

    /// <summary>
    /// Stalled: the bus is unhealthy, nobody consumes the queue, or work waits while this worker holds none and took none
    /// for a whole watch interval (beside another worker the queue's consumer count stays above zero).
    /// </summary>
    public static bool IsStalled(bool busHealthy, QueueDepth? moderation, int inHand, DateTimeOffset? lastReceivedAt, DateTimeOffset now, TimeSpan interval) =>
        !busHealthy || moderation is { Consumers: 0 } || (moderation is { Messages: > 0 } && inHand == 0 && !(lastReceivedAt > now - interval));

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
        var now = clock.GetUtcNow();
        var stalled = IsStalled(bus.CheckHealth().Status == BusHealthStatus.Healthy, moderation, consumption.InHand, consumption.LastReceivedAt, now, options.Value.WatchInterval);
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
        logger.LogCritical("The broker answers but this worker has not consumed for {Seconds:0} s; exiting with {ExitCode} to be started again",
            (now - _stalledSince.Value).TotalSeconds, StalledExitCode);
        if (!options.Value.ExitWhenStalled)
        {
            return;
        }
        Environment.ExitCode = StalledExitCode;
        lifetime.StopApplication();
        // A stuck bus can hold up a graceful stop; the supervisor needs the process gone either way.
        _ = Task.Delay(TimeSpan.FromSeconds(40), CancellationToken.None).ContinueWith(_ => Environment.Exit(StalledExitCode), TaskScheduler.Default);
    }
}
