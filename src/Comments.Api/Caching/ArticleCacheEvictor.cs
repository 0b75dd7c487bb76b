using Comments.Api.Replication;
using Microsoft.AspNetCore.OutputCaching;

namespace Comments.Api.Caching;

/// <summary>Evicts an article's cached listings and stats after a change to its comments.</summary>
public sealed class ArticleCacheEvictor(IOutputCacheStore store, ReplicaFences fences, ILogger<ArticleCacheEvictor> logger)
{
    public Task EvictAsync(string articleId) => EvictAsync([articleId]);

    /// <summary>Fences first: a refill that starts once the entry is gone must not read a replica without the change.</summary>
    public async Task EvictAsync(IReadOnlyCollection<string> articleIds)
    {
        await fences.RaiseAsync(articleIds);
        foreach (var articleId in articleIds)
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
}
