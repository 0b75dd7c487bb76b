using System.Text.Json;
using Comments.Storage;
using Comments.Storage.Articles;
using Comments.Storage.Audit;
using Comments.Storage.Comments;
using Microsoft.EntityFrameworkCore;

namespace Comments.Moderation.Settings;

/// <summary>
/// Reads and changes one article's settings in PostgreSQL, fresh on every call like a site's (the worker reads them once
/// per decision scope); every change is recorded with who, when and the before and after values.
/// </summary>
public sealed class ArticleSettingsStore(CommentsDbContext db, SiteModerationStore sites)
{
    public const string SubjectPrefix = "article:";

    public async Task<(ArticleModerationSettings Settings, int Version)> GetAsync(string siteId, string articleId, CancellationToken cancellationToken)
    {
        var row = await db.ArticleSettings.AsNoTracking().FirstOrDefaultAsync(s => s.SiteId == siteId && s.ArticleId == articleId, cancellationToken);
        return row is null ? (new ArticleModerationSettings(), 0) : (From(row), row.Version);
    }

    public async Task<int> SaveAsync(string siteId, string articleId, ArticleModerationSettings settings, string actor, CancellationToken cancellationToken)
    {
        var row = await db.ArticleSettings.FirstOrDefaultAsync(s => s.SiteId == siteId && s.ArticleId == articleId, cancellationToken);
        var before = JsonSerializer.Serialize(row is null ? new ArticleModerationSettings() : From(row), SiteModerationStore.Json);
        row ??= db.ArticleSettings.Add(new ArticleSettings { SiteId = siteId, ArticleId = articleId, UpdatedBy = actor }).Entity;
        row.Closed = settings.Closed;
        row.PreModeration = settings.PreModeration;
        row.SlowModeSeconds = settings.SlowModeSeconds;
        row.AutoCloseAfterDays = settings.AutoCloseAfterDays;
        return await sites.RecordAsync(siteId, SubjectPrefix + articleId, before, JsonSerializer.Serialize(settings, SiteModerationStore.Json), actor, row, cancellationToken);
    }

    /// <summary>The article's state at <paramref name="now"/> (<see cref="StateAsync(CommentsDbContext, string, string, DateTimeOffset, CancellationToken)"/>).</summary>
    public Task<ArticleState> GetStateAsync(string siteId, string articleId, DateTimeOffset now, CancellationToken cancellationToken) =>
        StateAsync(db, siteId, articleId, now, cancellationToken);

    /// <summary>The article's state at <paramref name="now"/>: <see cref="FactsAsync"/> read now and applied at once.</summary>
    public static async Task<ArticleState> StateAsync(CommentsDbContext db, string siteId, string articleId, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await FactsAsync(db, siteId, articleId, now, cancellationToken)).At(now);

    /// <summary>
    /// What the article's state is computed from: its own settings, the site's default automatic close when it has
    /// none of its own, the time of its first published comment when an automatic close applies, and the protection
    /// in force at <paramref name="now"/>.
    /// </summary>
    public static async Task<ArticleFacts> FactsAsync(CommentsDbContext db, string siteId, string articleId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = await db.ArticleSettings.AsNoTracking().FirstOrDefaultAsync(s => s.SiteId == siteId && s.ArticleId == articleId, cancellationToken);
        var settings = row is null ? new ArticleModerationSettings() : From(row);
        var days = settings.AutoCloseAfterDays ?? await SiteAutoCloseDaysAsync(db, siteId, cancellationToken);
        DateTimeOffset? first = null;
        if (days > 0 && !settings.Closed)
        {
            // The first published top-level comment: the article's keyset index answers it (a reply comes after its parent).
            first = await db.Comments.AsNoTracking()
                .Where(c => c.ArticleId == articleId && c.SiteId == siteId && c.Status == CommentStatus.Approved && c.ParentId == null)
                .OrderBy(c => c.CreatedAt).Select(c => (DateTimeOffset?)c.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        }
        return new ArticleFacts(settings, days, first, await ProtectionAsync(db, siteId, articleId, now, cancellationToken));
    }

    /// <summary>
    /// The settings and the protection in force of many articles in two statements (a group of comments decided
    /// together touches many articles); an article without a row has the defaults.
    /// </summary>
    public static async Task<Dictionary<(string Site, string Article), (ArticleModerationSettings Settings, ActiveProtection? Protection)>> ManyAsync(
        CommentsDbContext db, IReadOnlyCollection<(string Site, string Article)> articles, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = articles.Select(a => a.Article).Distinct().ToArray();
        var rows = (await db.ArticleSettings.AsNoTracking().Where(s => ids.Contains(s.ArticleId)).ToListAsync(cancellationToken))
            .ToDictionary(r => (r.SiteId, r.ArticleId));
        var protections = (await db.ArticleProtections.AsNoTracking().Where(ArticleProtection.ActiveAt(now)).Where(p => ids.Contains(p.ArticleId))
            .ToListAsync(cancellationToken)).ToLookup(p => (p.SiteId, p.ArticleId));
        return articles.Distinct().ToDictionary(a => a, a => (
            rows.TryGetValue(a, out var row) ? From(row) : new ArticleModerationSettings(),
            protections[a].OrderByDescending(p => p.Until).Select(ActiveProtection.From).FirstOrDefault()));
    }

    /// <summary>The article's protection against a brigade in force at <paramref name="now"/>, if any.</summary>
    public static async Task<ActiveProtection?> ProtectionAsync(CommentsDbContext db, string siteId, string articleId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = await db.ArticleProtections.AsNoTracking()
            .Where(ArticleProtection.ActiveAt(now)).Where(p => p.SiteId == siteId && p.ArticleId == articleId)
            .OrderByDescending(p => p.Until).FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : ActiveProtection.From(row);
    }

    /// <summary>A moderator ends the article's protection early (audited); false when none is in force.</summary>
    public async Task<bool> EndProtectionAsync(string siteId, string articleId, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var active = await db.ArticleProtections
            .Where(ArticleProtection.ActiveAt(now)).Where(p => p.SiteId == siteId && p.ArticleId == articleId).ToListAsync(cancellationToken);
        if (active.Count == 0)
        {
            return false;
        }
        foreach (var protection in active)
        {
            protection.EndedAt = now;
            protection.EndedBy = actor;
            db.Audit(actor, "end_protection", "article", $"{siteId}:{articleId}", now,
                before: new { Mode = protection.Mode.WireName(), protection.SlowModeSeconds, protection.StartedAt, protection.Until }, after: new { EndedAt = now });
        }
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static async Task<int> SiteAutoCloseDaysAsync(CommentsDbContext db, string siteId, CancellationToken cancellationToken)
    {
        var json = await db.SiteSettings.AsNoTracking().Where(s => s.SiteId == siteId).Select(s => s.Json).FirstOrDefaultAsync(cancellationToken);
        return json is null ? new ModerationSettings().ArticleAutoCloseDays : JsonSerializer.Deserialize<ModerationSettings>(json, SiteModerationStore.Json)!.ArticleAutoCloseDays;
    }

    private static ArticleModerationSettings From(ArticleSettings row) => new()
    {
        Closed = row.Closed, PreModeration = row.PreModeration, SlowModeSeconds = row.SlowModeSeconds, AutoCloseAfterDays = row.AutoCloseAfterDays,
    };
}
