using Microsoft.EntityFrameworkCore;

namespace Comments.Storage.Comments;

/// <summary>
/// Keeps the counts readers see in step with what is public: the article's published count and last activity, and
/// the parent's reply count. Every change to a comment's status, deletion or hiding goes through here, inside the
/// same transaction as the change.
/// </summary>
public static class PublicCounters
{
    public static async Task ApplyAsync(this CommentsDbContext db, Comment comment, bool wasPublic, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var delta = (comment.IsPublic ? 1 : 0) - (wasPublic ? 1 : 0);
        if (delta == 0 && !comment.IsPublic)
        {
            return;
        }
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            insert into article_stats (article_id, published_count, last_activity_at) values ({comment.ArticleId}, {Math.Max(delta, 0)}, {at})
            on conflict (article_id) do update set
                published_count = greatest(article_stats.published_count + {delta}, 0),
                last_activity_at = greatest(article_stats.last_activity_at, excluded.last_activity_at)
            """, cancellationToken);
        if (delta != 0 && comment.ParentId is { } parentId)
        {
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"update comments set reply_count = greatest(reply_count + {delta}, 0) where id = {parentId}", cancellationToken);
        }
    }

    /// <summary>
    /// The same for comments decided for the first time (none was public before): one statement for the articles and
    /// one for the parents, however many comments, in the order of their keys.
    /// </summary>
    public static async Task ApplyNewAsync(this CommentsDbContext db, IEnumerable<Comment> decided, CancellationToken cancellationToken)
    {
        var published = decided.Where(c => c.IsPublic).ToList();
        if (published.Count == 0)
        {
            return;
        }
        var articles = published.GroupBy(c => c.ArticleId).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var articleIds = articles.Select(g => g.Key).ToArray();
        var counts = articles.Select(g => g.Count()).ToArray();
        var lastActivity = articles.Select(g => g.Max(c => c.UpdatedAt)).ToArray();
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            insert into article_stats (article_id, published_count, last_activity_at)
            select * from unnest({articleIds}::text[], {counts}::integer[], {lastActivity}::timestamptz[])
            on conflict (article_id) do update set
                published_count = article_stats.published_count + excluded.published_count,
                last_activity_at = greatest(article_stats.last_activity_at, excluded.last_activity_at)
            """, cancellationToken);
        var parents = published.Where(c => c.ParentId is not null).GroupBy(c => c.ParentId!.Value).OrderBy(g => g.Key).ToList();
        if (parents.Count > 0)
        {
            var parentIds = parents.Select(g => g.Key).ToArray();
            var replies = parents.Select(g => g.Count()).ToArray();
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                update comments set reply_count = comments.reply_count + d.replies
                from unnest({parentIds}::uuid[], {replies}::integer[]) as d(id, replies)
                where comments.id = d.id
                """, cancellationToken);
        }
    }
}
