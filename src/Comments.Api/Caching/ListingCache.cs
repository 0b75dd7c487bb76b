using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace Comments.Api.Caching;

/// <summary>
/// The output cache for an article's public reads, tagged by article so that a change evicts only that article's
/// entries: at once for the API's own changes, on the worker's events for its decisions (docs/architecture.md).
/// </summary>
public static class ListingCache
{
    public const string PolicyName = "public-listing";

    public static string Tag(string articleId) => $"article:{articleId}";

    public static IHostApplicationBuilder AddListingCache(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ListingCacheOptions>().BindConfiguration(ListingCacheOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOutputCache(options => options.AddPolicy(PolicyName, new ListingCachePolicy()));
        builder.Services.AddOptions<OutputCacheOptions>().Configure<IOptions<ListingCacheOptions>>((output, listing) =>
            output.SizeLimit = listing.Value.SizeLimitMegabytes * 1024L * 1024);
        builder.Services.AddSingleton<ArticleCacheEvictor>();
        return builder;
    }

    /// <summary>Caches the endpoint's 200 answers and gives each one an ETag, so a client that sends it back gets 304.</summary>
    public static TBuilder CacheAsPublicListing<TBuilder>(this TBuilder endpoint) where TBuilder : IEndpointConventionBuilder =>
        endpoint.CacheOutput(PolicyName).AddEndpointFilter(async (context, next) =>
        {
            var response = context.HttpContext.Response;
            response.Headers.ETag = $"\"{Guid.NewGuid():N}\"";
            response.Headers.CacheControl = "no-cache";
            return await next(context);
        });
}
