using Microsoft.AspNetCore.OutputCaching;

namespace Comments.Api.Caching;

/// <summary>Evicts an article's cached listings and stats after a change to its comments.</summary>
public sealed class ArticleCacheEvictor(IOutputCacheStore store, ILogger<ArticleCacheEvictor> logger)
{
    public async Task EvictAsync(string articleId)
    {
        try
        {
            await store.EvictByTagAsync(ListingCache.Tag(articleId), CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Never fails the change that caused it; the entry's lifetime bounds how stale it can be.
            logger.LogWarning(exception, "Could not evict the cached listings of an article");
        }
    }
}
