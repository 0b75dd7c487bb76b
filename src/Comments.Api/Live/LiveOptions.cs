using System.ComponentModel.DataAnnotations;

namespace Comments.Api.Live;

/// <summary>
/// Section <c>Live</c>: the event streams of open comment sections (<c>GET /api/articles/{articleId}/events</c>), per
/// API instance. Sized in docs/performance.md ("Live discussion").
/// </summary>
public sealed class LiveOptions
{
    public const string SectionName = "Live";

    /// <summary>Open streams this instance serves at once, all articles together; beyond it 503 with Retry-After.</summary>
    [Range(1, 1_000_000)] public int MaxStreams { get; set; } = 10_000;

    /// <summary>Open streams one client address may hold at once; beyond it 429 (a household or an office shares one address).</summary>
    [Range(1, 1_000_000)] public int MaxStreamsPerClient { get; set; } = 50;

    /// <summary>Articles this instance keeps a feed for at once (open, or within the resume window); beyond it 503.</summary>
    [Range(1, 1_000_000)] public int MaxArticles { get; set; } = 5_000;

    /// <summary>Events a stream may be behind before it is closed; the browser reconnects and resumes from the recent events.</summary>
    [Range(1, 100_000)] public int StreamBuffer { get; set; } = 64;

    /// <summary>Recent events kept per article for a reconnect with <c>Last-Event-ID</c>; a reader further behind is told to reload.</summary>
    [Range(1, 100_000)] public int RecentEvents { get; set; } = 256;

    /// <summary>How long an article's recent events are kept after its last stream closed, so that a reconnect loses nothing.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")] public TimeSpan ResumeWindow { get; set; } = TimeSpan.FromMinutes(2);
}
