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
}
