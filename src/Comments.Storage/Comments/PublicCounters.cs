using Microsoft.EntityFrameworkCore;

namespace Comments.Storage.Comments;

/// <summary>
/// Keeps the counts readers see in step with what is public: the article's published count and last activity, and
/// the parent's reply count. Only <see cref="Lifecycle.CommentLifecycle"/> calls it, inside the transaction of the change.
/// </summary>
internal static class PublicCounters
{
    /// <summary>
    /// The same for many changed comments (a group the worker decided together) in one statement for the articles and
    /// one for the parents, however many comments, in the order of their keys.
    /// </summary>
    public static async Task ApplyAsync(this CommentsDbContext db, IEnumerable<(Comment Comment, bool WasPublic)> changes, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var deltas = changes.Select(c => (c.Comment, Delta: (c.Comment.IsPublic ? 1 : 0) - (c.WasPublic ? 1 : 0))).ToList();
        var articles = deltas.Where(d => d.Delta != 0 || d.Comment.IsPublic).GroupBy(d => (d.Comment.SiteId, d.Comment.ArticleId))
            .OrderBy(g => g.Key.SiteId, StringComparer.Ordinal).ThenBy(g => g.Key.ArticleId, StringComparer.Ordinal).ToList();
        if (articles.Count > 0)
        {
            var siteIds = articles.Select(g => g.Key.SiteId).ToArray();
            var articleIds = articles.Select(g => g.Key.ArticleId).ToArray();
            var articleDeltas = articles.Select(g => g.Sum(d => d.Delta)).ToArray();
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                with change (site_id, article_id, delta) as (select * from unnest({siteIds}::text[], {articleIds}::text[], {articleDeltas}::integer[]))
                insert into article_stats (site_id, article_id, published_count, last_activity_at)
                select site_id, article_id, greatest(delta, 0), {at} from change
                on conflict (site_id, article_id) do update set
                    published_count = greatest(article_stats.published_count
                        + (select delta from change where change.site_id = excluded.site_id and change.article_id = excluded.article_id), 0),
                    last_activity_at = greatest(article_stats.last_activity_at, excluded.last_activity_at)
                """, cancellationToken);
        }
        var parents = deltas.Where(d => d.Delta != 0 && d.Comment.ParentId is not null).GroupBy(d => d.Comment.ParentId!.Value)
            .Select(g => (Id: g.Key, Delta: g.Sum(d => d.Delta))).Where(p => p.Delta != 0).OrderBy(p => p.Id).ToList();
        if (parents.Count > 0)
        {
            var parentIds = parents.Select(p => p.Id).ToArray();
            var parentDeltas = parents.Select(p => p.Delta).ToArray();
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                update comments set reply_count = greatest(comments.reply_count + change.delta, 0)
                from unnest({parentIds}::uuid[], {parentDeltas}::integer[]) as change(id, delta)
                where comments.id = change.id
                """, cancellationToken);
        }
    }
}
