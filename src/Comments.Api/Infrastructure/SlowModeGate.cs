using System.Collections.Concurrent;

namespace Comments.Api.Infrastructure;

/// <summary>
/// Slow mode for posts this instance took and the worker has not stored yet: the database check cannot see them, so
/// a reader firing several posts at once would otherwise get them all through. Exact "since your last post" windows,
/// which a token bucket of System.Threading.RateLimiting only approximates.
/// </summary>
public sealed class SlowModeGate(TimeProvider clock)
{
    private const int SweepEvery = 1_024;
    private readonly ConcurrentDictionary<(string Site, string Article, string Reader), DateTimeOffset> _lastPost = new();
    private int _calls;

    /// <summary>Takes the reader's slot on the article, or gives the seconds until it frees (null when taken).</summary>
    public int? TryEnter(string siteId, string articleId, string readerId, int slowModeSeconds)
    {
        var now = clock.GetUtcNow();
        var window = TimeSpan.FromSeconds(slowModeSeconds);
        var key = (siteId, articleId, readerId);
        if (Interlocked.Increment(ref _calls) % SweepEvery == 0)
        {
            Sweep(now);
        }
        while (true)
        {
            if (!_lastPost.TryGetValue(key, out var last))
            {
                if (_lastPost.TryAdd(key, now)) return null;
                continue;
            }
            if (last + window > now)
            {
                return Math.Max(1, (int)Math.Ceiling((last + window - now).TotalSeconds));
            }
            if (_lastPost.TryUpdate(key, now, last)) return null;
        }
    }

    // Slow modes last at most a day (ArticleSettingsUpdate); older entries can go.
    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, last) in _lastPost)
        {
            if (last < now - TimeSpan.FromDays(1)) _lastPost.TryRemove(KeyValuePair.Create(key, last));
        }
    }
}
