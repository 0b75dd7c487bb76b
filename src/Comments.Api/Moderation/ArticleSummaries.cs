using Comments.Moderation.Settings;
using Comments.Storage;
using Comments.Storage.Articles;
using Comments.Storage.Comments;
using Microsoft.EntityFrameworkCore;

namespace Comments.Api.Moderation;

/// <summary>
/// The articles a moderator should see: every article under protection or with settings of its own, and the most
/// recently active ones, newest activity first.
/// </summary>
public static class ArticleSummaries
{
    public const int RecentArticles = 50;

    public static async Task<List<ArticleSummary>> ReadAsync(CommentsDbContext db, ArticleSettingsStore store, string siteId, string? articleId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var keys = articleId is not null ? [articleId] : await KeysAsync(db, siteId, now, cancellationToken);
        var stats = await db.ArticleStats.AsNoTracking().Where(s => s.SiteId == siteId && keys.Contains(s.ArticleId)).ToDictionaryAsync(s => s.ArticleId, cancellationToken);
        var open = await db.Comments.AsNoTracking()
            .Where(c => c.SiteId == siteId && keys.Contains(c.ArticleId) && c.DeletedAt == null && (c.Status == CommentStatus.Held || c.OpenReportCount > 0))
            .GroupBy(c => c.ArticleId)
            .Select(g => new { ArticleId = g.Key, Pending = g.Count(c => c.Status == CommentStatus.Held), Reported = g.Count(c => c.OpenReportCount > 0) })
            .ToDictionaryAsync(g => g.ArticleId, cancellationToken);
        var summaries = new List<ArticleSummary>();
        foreach (var key in keys)
        {
            var (settings, _) = await store.GetAsync(siteId, key, cancellationToken);
            var state = await ArticleSettingsStore.StateAsync(db, siteId, key, now, cancellationToken);
            var stat = stats.GetValueOrDefault(key);
            var queue = open.GetValueOrDefault(key);
            summaries.Add(new ArticleSummary(key, stat?.PublishedCount ?? 0, stat?.LastActivityAt, settings, state,
                queue?.Pending ?? 0, queue?.Reported ?? 0, state.Protection is not null));
        }
        return summaries.OrderByDescending(s => s.UnderAttack).ThenByDescending(s => s.LastActivityAt).ToList();
    }

    private static async Task<List<string>> KeysAsync(CommentsDbContext db, string siteId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var protectedNow = await db.ArticleProtections.AsNoTracking().Where(ArticleProtection.ActiveAt(now)).Where(p => p.SiteId == siteId)
            .Select(p => p.ArticleId).ToListAsync(cancellationToken);
        var configured = await db.ArticleSettings.AsNoTracking().Where(s => s.SiteId == siteId)
            .OrderByDescending(s => s.UpdatedAt).Select(s => s.ArticleId).Take(RecentArticles).ToListAsync(cancellationToken);
        var recent = await db.ArticleStats.AsNoTracking().Where(s => s.SiteId == siteId)
            .OrderByDescending(s => s.LastActivityAt).Select(s => s.ArticleId).Take(RecentArticles).ToListAsync(cancellationToken);
        return protectedNow.Concat(configured).Concat(recent).Distinct().ToList();
    }
}
