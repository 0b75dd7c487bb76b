using System.ComponentModel.DataAnnotations;

namespace Moderation.Worker.Pipeline;

/// <summary>
/// The per-reader posting limit as the worker enforces it, whichever API took the comment (section <c>PostingLimit</c>).
/// The defaults are what one API's token bucket (<c>RateLimits:PostingBurst</c> 3, one more every 3 s) can let through
/// in 30 s at most: 3 + 30 / 3 + 1 (a refill at each end of the window), so a reader who keeps to one API is never
/// rejected here, and one who spreads posts over several gets no more than over one (docs/deployment.md).
/// </summary>
public sealed class PostingLimitOptions
{
    public const string SectionName = "PostingLimit";

    public bool Enabled { get; set; } = true;

    /// <summary>At most this many of one author's new comments in any <see cref="WindowSeconds"/>; more are rejected.</summary>
    [Range(1, 1_000_000)] public int PostsPerWindow { get; set; } = 14;

    [Range(1, 86_400)] public int WindowSeconds { get; set; } = 30;
}
