using System.Diagnostics.Metrics;
using Comments.Storage;
using Comments.Storage.Legal;

namespace Comments.Api.Observability;

/// <summary>
/// Complaints against statements of reasons (Digital Services Act article 20): received, and decided by outcome. The
/// transparency report counts the same from the <c>complaints</c> table; these count what this instance saw since it started.
/// </summary>
public sealed class ComplaintMetrics
{
    private readonly Counter<long> _received;
    private readonly Counter<long> _decided;

    public ComplaintMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(IntakeMetrics.MeterName);
        _received = meter.CreateCounter<long>("comments.complaints.received", unit: "{complaint}", description: "Complaints against statements of reasons, received.");
        _decided = meter.CreateCounter<long>("comments.complaints.decided", unit: "{complaint}",
            description: "Complaints decided by a moderator, by outcome (reversed: the decision was undone; upheld: it stands).");
    }

    public void Received() => _received.Add(1);

    /// <summary>Called after the commit that recorded the outcomes.</summary>
    public void Decided(IEnumerable<Complaint> complaints)
    {
        foreach (var complaint in complaints)
        {
            _decided.Add(1, new KeyValuePair<string, object?>("outcome", complaint.Outcome?.WireName()));
        }
    }
}
