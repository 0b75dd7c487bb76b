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

    /// <summary>The help form's previews: it asks again as the reader changes the topic or types (debounced), a few times per request.</summary>
    [Range(1, 1_000_000)] public int HelpPreviewsPerWindow { get; set; } = 20;
    [Range(1, 86_400)] public int HelpPreviewsWindowSeconds { get; set; } = 600;

    /// <summary>Live event streams opened (reconnects included); a browser reconnects a few times a minute at most.</summary>
    [Range(1, 1_000_000)] public int LiveOpensPerWindow { get; set; } = 120;
    [Range(1, 86_400)] public int LiveOpensWindowSeconds { get; set; } = 60;

    /// <summary>Reading a help request by reference and access token: enough for a person, too few to guess with.</summary>
    [Range(1, 1_000_000)] public int HelpRequestLookupsPerWindow { get; set; } = 10;
    [Range(1, 86_400)] public int HelpRequestLookupsWindowSeconds { get; set; } = 60;

    /// <summary>Notices of illegal content, per user or (anonymous) per address: a person sends a few; more is flooding the legal queue.</summary>
    [Range(1, 1_000_000)] public int NoticesPerWindow { get; set; } = 5;
    [Range(1, 86_400)] public int NoticesWindowSeconds { get; set; } = 600;

    /// <summary>A reader's exports of their data (<c>GET /api/me/data</c>): each reads everything they have; a person needs one now and then.</summary>
    [Range(1, 1_000_000)] public int DataExportsPerWindow { get; set; } = 5;
    [Range(1, 86_400)] public int DataExportsWindowSeconds { get; set; } = 3_600;

    /// <summary>Draft checks: the embed checks once per submitted draft; more would be probing the word lists and classifiers.</summary>
    [Range(1, 1_000_000)] public int DraftChecksPerWindow { get; set; } = 10;
    [Range(1, 86_400)] public int DraftChecksWindowSeconds { get; set; } = 60;

    /// <summary>
    /// Comments, edits and help requests in progress at once in this instance, all callers together; beyond it (and
    /// <see cref="IntakeQueue"/>) 503 with Retry-After at once. Sized in docs/performance.md (Memory).
    /// </summary>
    [Range(1, 100_000)] public int IntakeConcurrency { get; set; } = 256;

    /// <summary>
    /// How many more may wait their turn (first come, first served; bodies not read yet, so they cost no memory): room
    /// for a stall of a second or two before readers get 503 (docs/reliability.md).
    /// </summary>
    [Range(0, 100_000)] public int IntakeQueue { get; set; } = 256;
}
