namespace Comments.Api.Infrastructure;

/// <summary>
/// A request that says <c>Cache-Control: no-cache</c>: a reader who knows of a change (their comment was published)
/// and must see it, so it skips the listing cache and the replica (docs/architecture.md).
/// </summary>
public static class FreshAnswer
{
    public static bool IsAskedFor(HttpRequest request) =>
        request.Headers.CacheControl.Any(value => value?.Contains("no-cache", StringComparison.OrdinalIgnoreCase) == true);
}
