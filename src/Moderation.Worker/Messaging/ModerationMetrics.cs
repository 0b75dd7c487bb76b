using Comments.Storage;
using System.Diagnostics.Metrics;
using Comments.Storage.Decisions;

namespace Moderation.Worker.Messaging;

/// <summary>What the worker decided and how long it took: submit-to-decision latency, outcomes, reasons and classifier time.</summary>
public sealed class ModerationMetrics
{
    private static readonly string[] ClassifierPhases = ["toxicity", "spam"];
    private readonly Histogram<double> _latency;
    private readonly Counter<long> _decisions;
    private readonly Counter<long> _reasons;
    private readonly Histogram<double> _classifier;

    public ModerationMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(QueueMetrics.MeterName);
        _latency = meter.CreateHistogram("comments.moderation.decision_latency", unit: "s",
            description: "From the API accepting a comment (or an edit) to its decision being stored.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300] });
        _decisions = meter.CreateCounter<long>("comments.moderation.decisions", unit: "{decision}", description: "Decisions stored, by outcome.");
        _reasons = meter.CreateCounter<long>("comments.moderation.reasons", unit: "{reason}", description: "Reasons given in decisions, by reason code and outcome.");
        _classifier = meter.CreateHistogram("comments.classifier.duration", unit: "ms", description: "Time a classifier took for one comment, by model.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5] });
    }

    public void Decided(Decision decision, DateTimeOffset submittedAt)
    {
        var outcome = new KeyValuePair<string, object?>("outcome", decision.Outcome.WireName());
        _latency.Record(Math.Max(0, (decision.DecidedAt - submittedAt).TotalSeconds), outcome);
        _decisions.Add(1, outcome);
        foreach (var reason in decision.ReasonCodes)
        {
            _reasons.Add(1, new KeyValuePair<string, object?>("reason", reason), outcome);
        }
        foreach (var phase in decision.Details.Phases.Where(p => ClassifierPhases.Contains(p.Phase)))
        {
            _classifier.Record(phase.Microseconds / 1000, new KeyValuePair<string, object?>("model", phase.Phase));
        }
    }
}
