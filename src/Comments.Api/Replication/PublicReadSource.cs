namespace Comments.Api.Replication;

/// <summary>Where a public read went, for the <c>comments.public_reads</c> metric.</summary>
public enum PublicReadSource
{
    /// <summary>The replica.</summary>
    Replica,

    /// <summary>The primary: the caller asked for a fresh answer (no-cache).</summary>
    PrimaryFresh,

    /// <summary>The primary: an article changed after what the replica had replayed.</summary>
    PrimaryBehind,

    /// <summary>The primary: the replica did not answer (it is skipped for a few seconds).</summary>
    PrimaryReplicaDown,
}
