using Comments.Api.Auth;
using Comments.Api.Events;
using Comments.Api.Infrastructure;
using Comments.Api.Infrastructure.Validation;
using Comments.Contracts;
using Comments.Moderation.Settings;
using Comments.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Comments.Api.Moderation;

/// <summary>
/// Moderators set one article's settings (closed, pre-moderated, slow mode, automatic close), see the articles that
/// need them, and end an article's protection against a brigade early. Every change is recorded.
/// </summary>
public static class ArticleSettingsApi
{
    public static RouteGroupBuilder MapArticleSettingsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/moderation").WithTags("Article settings").RequireAuthorization(Policies.Moderator);
        api.MapGet("/articles", ListArticles);
        api.MapGet("/articles/{articleId}/settings", GetArticleSettings);
        api.MapPut("/articles/{articleId}/settings", PutArticleSettings);
        api.MapDelete("/articles/{articleId}/protection", EndProtection);
        return api;
    }

    /// <summary>Articles under protection first, then those with settings of their own and the most recently active (at most 100 or so).</summary>
    public static async Task<Results<Ok<ArticleSummary[]>, ValidationProblem>> ListArticles(
        string? siteId, string? articleId, CommentsDbContext db, ArticleSettingsStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (SiteKey.Validate(siteId, out var site) is { } problem)
        {
            return problem;
        }
        if (articleId is not null && !ArticleKey.IsValid(articleId))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["articleId"] = [ArticleKey.Rule] });
        }
        return TypedResults.Ok((await ArticleSummaries.ReadAsync(db, store, site, articleId, clock.GetUtcNow(), cancellationToken)).ToArray());
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
        [ArticleId] string articleId, string? siteId, ArticleSettingsUpdate update, HttpContext http, ArticleSettingsStore store, EventPublisher events,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (SiteKey.Validate(siteId, out var site) is { } problem)
        {
            return problem;
        }
        var settings = update.ToSettings();
        var version = await store.SaveAsync(site, articleId, settings, http.User.UserId()!, cancellationToken);
        await events.PublishAsync(Changed(site, articleId, "settings", clock)); // the public stats show whether the article is closed
        return TypedResults.Ok(await ViewAsync(site, articleId, version, settings, store, clock, cancellationToken));
    }

    /// <summary>A moderator ends an article's protection against a brigade before its time; 404 when none is in force.</summary>
    public static async Task<Results<Ok<ArticleSettingsView>, ProblemHttpResult, ValidationProblem>> EndProtection(
        [ArticleId] string articleId, string? siteId, HttpContext http, ArticleSettingsStore store, EventPublisher events,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (SiteKey.Validate(siteId, out var site) is { } problem)
        {
            return problem;
        }
        if (!await store.EndProtectionAsync(site, articleId, http.User.UserId()!, clock.GetUtcNow(), cancellationToken))
        {
            return TypedResults.Problem(title: "No protection in force", detail: "This article is not under protection against a brigade.",
                statusCode: StatusCodes.Status404NotFound);
        }
        await events.PublishAsync(Changed(site, articleId, "protection_ended", clock));
        var (settings, version) = await store.GetAsync(site, articleId, cancellationToken);
        return TypedResults.Ok(await ViewAsync(site, articleId, version, settings, store, clock, cancellationToken));
    }

    private static ArticleSettingsChanged Changed(string site, string articleId, string change, TimeProvider clock) =>
        new() { SiteId = site, ArticleId = articleId, Change = change, ChangedAt = clock.GetUtcNow() };

    private static async Task<ArticleSettingsView> ViewAsync(string site, string articleId, int version, ArticleModerationSettings settings,
        ArticleSettingsStore store, TimeProvider clock, CancellationToken cancellationToken) =>
        new(site, articleId, version, settings, await store.GetStateAsync(site, articleId, clock.GetUtcNow(), cancellationToken));
}
