using System.Diagnostics.Metrics;

namespace Comments.Api.Observability;

/// <summary>The intake rate: every new comment or edit the API was asked to take, by what came of it.</summary>
public sealed class IntakeMetrics
{
    public const string MeterName = "Comments.Api";
    private readonly Counter<long> _intake;
    private readonly Counter<long> _shed;

    public IntakeMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _intake = meter.CreateCounter<long>("comments.intake", unit: "{comment}",
            description: "Comments and edits offered to the API, by outcome: accepted (202), invalid, refused (standing) or unavailable (broker).");
        _shed = meter.CreateCounter<long>("comments.intake.shed", unit: "{message}",
            description: "Comments, edits and help requests answered 503 at once: the circuit to the broker was open, or the instance was at its intake concurrency limit.");
    }

    public void Accepted() => Record("accepted");
    public void Invalid() => Record("invalid");
    public void Refused() => Record("refused");
    public void Unavailable() => Record("unavailable");
    public void Shed() => _shed.Add(1);

    private void Record(string outcome) => _intake.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
}
