using System.Diagnostics.Metrics;
using Comments.Api.Observability;
using Comments.Storage;

namespace Comments.Api.Replication;

/// <summary>How many public reads the replica served, and why the others went to the primary.</summary>
public sealed class PublicReadMetrics
{
    private readonly Counter<long> _reads;

    public PublicReadMetrics(IMeterFactory meters) =>
        _reads = meters.Create(IntakeMetrics.MeterName).CreateCounter<long>("comments.public_reads", unit: "{read}",
            description: "Public reads (listings, counts, stats, transparency) when a replica is configured, by where they went.");

    public void Record(PublicReadSource source) => _reads.Add(1, new KeyValuePair<string, object?>("source", source.WireName()));
}
