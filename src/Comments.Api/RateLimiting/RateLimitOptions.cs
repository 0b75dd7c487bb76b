using System.ComponentModel.DataAnnotations;

namespace Comments.Api.RateLimiting;

/// <summary>Per-user limits (per IP for anonymous calls), and one for the whole instance. Section <c>RateLimits</c>.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Posting and editing: a bucket of 3 refilled with 1 every 3 seconds.</summary>
    [Range(1, 1_000_000)] public int PostingBurst { get; set; } = 3;
    [Range(1, 3_600)] public int PostingRefillSeconds { get; set; } = 3;

    [Range(1, 1_000_000)] public int ReportsPerWindow { get; set; } = 2;
    [Range(1, 3_600)] public int ReportsWindowSeconds { get; set; } = 3;

    [Range(1, 1_000_000)] public int ReactionsPerWindow { get; set; } = 2;
    [Range(1, 3_600)] public int ReactionsWindowSeconds { get; set; } = 1;

    [Range(1, 1_000_000)] public int HelpRequestsPerWindow { get; set; } = 5;
    [Range(1, 86_400)] public int HelpRequestsWindowSeconds { get; set; } = 3_600;

    /// <summary>
    /// New comments, edits and help requests being worked on at once by this instance, from all callers together.
    /// More wait their turn in a queue of <see cref="IntakeQueue"/> (first come, first served) holding little memory:
    /// their bodies are not read yet. Beyond both the API answers 503 with Retry-After at once. Measured in
    /// docs/performance.md (Memory): each request being worked on holds far more memory than one waiting.
    /// </summary>
    [Range(1, 100_000)] public int IntakeConcurrency { get; set; } = 64;

    /// <summary>
    /// How many more may wait. Together with <see cref="IntakeConcurrency"/> sized well above what the broker confirms
    /// in a round trip's time at full rate: a freshly started API (code still being compiled) has well over 64 in
    /// progress at 100 a second, and requests wait for a database that is restarting.
    /// </summary>
    [Range(0, 100_000)] public int IntakeQueue { get; set; } = 192;
}
