using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Comments.Api.Language;

public static class TextsApi
{
    // An hour in the browser's cache, then a revalidation answered 304 while the catalogue is unchanged.
    private const string CacheControl = "public, max-age=3600";

    public static RouteGroupBuilder MapTextsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/texts").WithTags("Texts");
        api.MapGet("/", GetTexts);
        return api;
    }

    /// <summary>
    /// The embed's sentences in the reader's language (<c>?lang=de</c>, else <c>Accept-Language</c>, else English):
    /// anonymous, the same for everyone, cacheable.
    /// </summary>
    public static Results<Ok<ReaderTexts>, StatusCodeHttpResult> GetTexts(HttpContext http, EmbedTexts embedTexts)
    {
        var (texts, etag) = embedTexts.Current();
        var headers = http.Response.Headers;
        headers.ETag = etag;
        headers.CacheControl = CacheControl;
        headers.Vary = HeaderNames.AcceptLanguage;
        return http.Request.Headers.IfNoneMatch.Any(value => value is not null && value.Split(',').Any(tag => tag.Trim() == etag || tag.Trim() == "*"))
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(texts);
    }
}
