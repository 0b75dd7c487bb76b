using Comments.Api.Infrastructure;
using Comments.Moderation.Settings;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Comments.Api.Infrastructure.ArticleStates;

/// <summary>
/// The facts an article's state is computed from, kept per instance for <see cref="ArticleStateOptions.CacheDuration"/>
/// so that a post does not read the article's settings, the site's default and its protection (three or four queries).
/// Evicted by <see cref="ArticleStateEviction"/>; a read that overlapped an eviction is not kept.
/// </summary>
public sealed class ArticleStateCache(OptionalDatabaseWork optionalWork, IOptions<ArticleStateOptions> options) : IDisposable
{
    private readonly MemoryCache _facts = new(new MemoryCacheOptions { SizeLimit = options.Value.MaxArticles });
    private long _evictions;

    /// <summary>The article's state at <paramref name="now"/>; null when the database did not answer in time.</summary>
    public async Task<ArticleState?> StateAsync(string siteId, string articleId, DateTimeOffset now)
    {
        var key = (siteId, articleId);
        if (_facts.TryGetValue(key, out ArticleFacts? cached))
        {
            return cached!.At(now);
        }
        var evictions = Interlocked.Read(ref _evictions);
        var facts = await optionalWork.TryAsync<ArticleFacts?>("check the article's settings",
            (db, token) => ArticleSettingsStore.FactsAsync(db, siteId, articleId, now, token)!, null);
        // Until its first comment is published, the article's automatic close has no start: read again next time.
        if (facts is { AwaitsFirstComment: false } && options.Value.CacheDuration > TimeSpan.Zero)
        {
            _facts.Set(key, facts, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = options.Value.CacheDuration });
            if (Interlocked.Read(ref _evictions) != evictions)
            {
                _facts.Remove(key); // an eviction came while reading: what was read may be older than the change
            }
        }
        return facts?.At(now);
    }

    public void Evict(string siteId, string articleId)
    {
        Interlocked.Increment(ref _evictions);
        _facts.Remove((siteId, articleId));
    }

    /// <summary>A site's settings changed (its default automatic close): every article of every site is read again.</summary>
    public void EvictAll()
    {
        Interlocked.Increment(ref _evictions);
        _facts.Clear();
    }

    public void Dispose() => _facts.Dispose();
}
