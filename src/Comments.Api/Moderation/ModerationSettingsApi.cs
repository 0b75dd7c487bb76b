using Comments.Api.Auth;
using Comments.Api.Infrastructure.ArticleStates;
using Comments.Moderation.Analysis;
using Comments.Moderation.Settings;
using Comments.Moderation.Words;
using Comments.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Comments.Api.Moderation;

/// <summary>Moderators tune the pipeline per site: settings and word lists, applied to the next comment, every change recorded.</summary>
public static class ModerationSettingsApi
{
    public const int MaxWordListEntries = 5_000;
    public const int MaxEntryLength = 100;

    public static RouteGroupBuilder MapModerationSettingsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/moderation").WithTags("Moderation settings").RequireAuthorization(Policies.Moderator);
        api.MapGet("/settings", GetSettings);
        api.MapPut("/settings", PutSettings);
        api.MapGet("/settings/changes", ListChanges);
        api.MapGet("/wordlists/{kind}", GetWordList);
        api.MapPut("/wordlists/{kind}", PutWordList);
        return api;
    }

    public static async Task<Results<Ok<SettingsView>, ValidationProblem>> GetSettings(
        string? siteId, SiteModerationStore store, ContentAnalyzer analyzer, CancellationToken cancellationToken)
    {
        if (SiteKey.Validate(siteId, out var site) is { } problem)
        {
            return problem;
        }
        var (settings, version) = await store.GetSettingsAsync(site, cancellationToken);
        return TypedResults.Ok(SettingsView.From(site, version, settings, analyzer));
    }

    public static async Task<Results<Ok<SettingsView>, ValidationProblem>> PutSettings(
        string? siteId, ModerationSettings settings, HttpContext http, SiteModerationStore store, ContentAnalyzer analyzer,
        ArticleStateCache articleStates, CancellationToken cancellationToken)
    {
        if (SiteKey.Validate(siteId, out var site) is { } problem)
        {
            return problem;
        }
        var errors = settings.Validate().ToArray();
        if (errors.Length > 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["settings"] = errors });
        }
        var version = await store.SaveSettingsAsync(site, settings, http.User.UserId()!, cancellationToken);
        articleStates.EvictAll(); // the site's default automatic close; other instances notice within the cache's lifetime
        return TypedResults.Ok(SettingsView.From(site, version, settings, analyzer));
    }

    public static async Task<Results<Ok<WordListView>, ValidationProblem>> GetWordList(
        string kind, string? siteId, SiteModerationStore store, CancellationToken cancellationToken)
    {
        if (SiteKey.Validate(siteId, out var site) is { } problem)
        {
            return problem;
        }
        if (!TryParseKind(kind, out var list))
        {
            return KindProblem();
        }
        var (entries, version) = await store.GetWordListAsync(site, list, cancellationToken);
        return TypedResults.Ok(new WordListView(site, kind, version, entries));
    }

    public static async Task<Results<Ok<WordListView>, ValidationProblem>> PutWordList(
        string kind, string? siteId, WordListUpdate update, HttpContext http, SiteModerationStore store, CancellationToken cancellationToken)
    {
        if (SiteKey.Validate(siteId, out var site) is { } problem)
        {
            return problem;
        }
        if (!TryParseKind(kind, out var list))
        {
            return KindProblem();
        }
        var entries = DefaultWordLists.Parse(update.Entries ?? []);
        if (entries.Count > MaxWordListEntries || entries.Any(e => e.Length > MaxEntryLength || e.Any(char.IsControl)))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["entries"] = [$"at most {MaxWordListEntries} entries, each at most {MaxEntryLength} characters without control characters."],
            });
        }
        var version = await store.SaveWordListAsync(site, list, entries, http.User.UserId()!, cancellationToken);
        return TypedResults.Ok(new WordListView(site, kind, version, entries));
    }

    public static async Task<Results<Ok<IReadOnlyList<SettingsChangeView>>, ValidationProblem>> ListChanges(
        string? siteId, CommentsDbContext db, CancellationToken cancellationToken)
    {
        if (SiteKey.Validate(siteId, out var site) is { } problem)
        {
            return problem;
        }
        var changes = await db.SettingsChanges.AsNoTracking().Where(c => c.SiteId == site)
            .OrderByDescending(c => c.ChangedAt).Take(100)
            .Select(c => new SettingsChangeView(c.Subject, c.ChangedBy, c.ChangedAt, c.BeforeJson, c.AfterJson))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<SettingsChangeView>>(changes);
    }

    private static bool TryParseKind(string kind, out WordListKind list) =>
        Enum.TryParse(kind, ignoreCase: false, out list) || (kind is "banned" or "suspect" && Enum.TryParse(kind, true, out list));

    private static ValidationProblem KindProblem() =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["kind"] = ["kind must be banned or suspect."] });
}
