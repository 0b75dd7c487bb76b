using Comments.Api.Auth;
using Comments.Api.Ignoring;
using Comments.Api.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Comments.Api.Caching;

/// <summary>
/// Caches a public listing for signed-in callers too (it is the same for everybody), varied by query and
/// <c>Origin</c>; <c>Cache-Control: no-cache</c> reads the database and refreshes the entry, so authors see their own.
/// Not for a reader who ignores someone on a listing that leaves ignored authors out: their answer is theirs alone, and
/// neither comes from nor goes into the entry everybody else shares.
/// </summary>
public sealed class ListingCachePolicy : IOutputCachePolicy
{
    public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var duration = http.RequestServices.GetRequiredService<IOptions<ListingCacheOptions>>().Value.Duration;
        var articles = ArticlesOf(http.Request);
        var cacheable = duration > TimeSpan.Zero && HttpMethods.IsGet(http.Request.Method) && articles.Count > 0 && !await IsPersonalAsync(http);
        context.EnableOutputCaching = cacheable;
        context.AllowCacheLookup = cacheable && !FreshAnswer.IsAskedFor(http.Request);
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        if (cacheable)
        {
            context.ResponseExpirationTimeSpan = duration;
            context.CacheVaryByRules.QueryKeys = "*";
            context.CacheVaryByRules.HeaderNames = "Origin";
            foreach (var articleId in articles)
            {
                context.Tags.Add(ListingCache.Tag(articleId));
            }
        }
    }

    private static async Task<bool> IsPersonalAsync(HttpContext http) =>
        http.User.UserId() is not null && http.GetEndpoint()?.Metadata.GetMetadata<LeavesOutIgnoredAuthors>() is not null
        && (await http.RequestServices.GetRequiredService<IgnoredAuthors>().OfAsync(http)).Length > 0;

    /// <summary>
    /// The articles an answer is about, to tag it with: the route's article, or the list of counts asked for (a change
    /// to any of them evicts the entry). None, and nothing cached, when the list is not one the endpoint accepts.
    /// </summary>
    private static IReadOnlyList<string> ArticlesOf(HttpRequest request) =>
        request.RouteValues["articleId"] is string { Length: > 0 } articleId ? [articleId]
        : ArticleKey.ParseList(request.Query["ids"], out _) ?? [];

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || !StringValues.IsNullOrEmpty(response.Headers.SetCookie))
        {
            context.AllowCacheStorage = false;
        }
        return ValueTask.CompletedTask;
    }
}
