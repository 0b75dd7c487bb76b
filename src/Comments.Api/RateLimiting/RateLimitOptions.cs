using System.ComponentModel.DataAnnotations;

namespace Comments.Api.RateLimiting;

/// <summary>Per-user limits (per IP for anonymous calls). Section <c>RateLimits</c>.</summary>
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
}
