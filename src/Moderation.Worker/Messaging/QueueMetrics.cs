using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Comments.ServiceDefaults.Broker;

namespace Moderation.Worker.Messaging;

/// <summary>
/// Backpressure as metrics: how many messages wait in each queue, how many consumers it has, and how long a comment
/// waited between the API accepting it and the worker taking it (the consumer lag).
/// </summary>
public sealed class QueueMetrics
{
    public const string MeterName = "Comments.Worker";
    private readonly ConcurrentDictionary<string, QueueDepth> _depths = new();
    private readonly Histogram<double> _lag;

    public QueueMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("comments.queue.depth", () => _depths.Values.Select(d => new Measurement<long>(d.Messages, new KeyValuePair<string, object?>("queue", d.Queue))),
            unit: "{message}", description: "Messages ready in the queue, not yet handed to a consumer.");
        meter.CreateObservableGauge("comments.queue.consumers", () => _depths.Values.Select(d => new Measurement<long>(d.Consumers, new KeyValuePair<string, object?>("queue", d.Queue))),
            unit: "{consumer}", description: "Consumers attached to the queue.");
        _lag = meter.CreateHistogram("comments.moderation.lag", unit: "s",
            description: "Time from the API accepting a comment to the worker starting on it.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300] });
    }

    public void Record(IReadOnlyList<QueueDepth> depths)
    {
        foreach (var depth in depths)
        {
            _depths[depth.Queue] = depth;
        }
    }

    public void RecordLag(TimeSpan lag) => _lag.Record(Math.Max(0, lag.TotalSeconds));
}
