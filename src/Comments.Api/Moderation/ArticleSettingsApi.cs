using Comments.Api.Auth;
using Comments.Api.Caching;
using Comments.Api.Infrastructure.Validation;
using Comments.Moderation.Settings;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Comments.Api.Moderation;

/// <summary>Moderators set one article's settings: closed, pre-moderated, slow mode, automatic close. Every change is recorded.</summary>
public static class ArticleSettingsApi
{
    public static RouteGroupBuilder MapArticleSettingsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/moderation").WithTags("Article settings").RequireAuthorization(Policies.Moderator);
        api.MapGet("/articles/{articleId}/settings", GetArticleSettings);
        api.MapPut("/articles/{articleId}/settings", PutArticleSettings);
        return api;
    }

    public static async Task<Results<Ok<ArticleSettingsView>, ValidationProblem>> GetArticleSettings(
        [ArticleId] string articleId, string? siteId, ArticleSettingsStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (SiteKey.Validate(siteId, out var site) is { } problem)
        {
            return problem;
        }
        var (settings, version) = await store.GetAsync(site, articleId, cancellationToken);
        return TypedResults.Ok(await ViewAsync(site, articleId, version, settings, store, clock, cancellationToken));
    }

    public static async Task<Results<Ok<ArticleSettingsView>, ValidationProblem>> PutArticleSettings(
        [ArticleId] string articleId, string? siteId, ArticleSettingsUpdate update, HttpContext http, ArticleSettingsStore store, ArticleCacheEvictor cache,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (SiteKey.Validate(siteId, out var site) is { } problem)
        {
            return problem;
        }
        var settings = update.ToSettings();
        var version = await store.SaveAsync(site, articleId, settings, http.User.UserId()!, cancellationToken);
        await cache.EvictAsync(articleId); // the public stats show whether the article is closed
        return TypedResults.Ok(await ViewAsync(site, articleId, version, settings, store, clock, cancellationToken));
    }

    private static async Task<ArticleSettingsView> ViewAsync(string site, string articleId, int version, ArticleModerationSettings settings,
        ArticleSettingsStore store, TimeProvider clock, CancellationToken cancellationToken) =>
        new(site, articleId, version, settings, await store.GetStateAsync(site, articleId, clock.GetUtcNow(), cancellationToken));
}
