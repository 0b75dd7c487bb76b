using Comments.Moderation.Brigades;
using Comments.Storage;
using Microsoft.EntityFrameworkCore;

namespace Moderation.Worker.Brigades;

/// <summary>
/// Reads articles' last minutes for the brigade watch (columns in snake_case: the context's naming convention maps results too). Comments and reports since a time are found through BRIN indexes
/// on their creation times (cheap to keep up at intake rates); an author's first comment through the author index.
/// </summary>
public static class ArticleActivityQuery
{
    /// <summary>Articles with at least <paramref name="minComments"/> comments since <paramref name="since"/>.</summary>
    public static Task<List<ArticleKey>> BusyArticlesAsync(CommentsDbContext db, DateTimeOffset since, int minComments, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<ArticleKey>($"""
            select site_id, article_id from comments
            where created_at >= {since} group by site_id, article_id having count(*) >= {minComments}
            """).ToListAsync(cancellationToken);

    public static async Task<ArticleActivity> ReadAsync(
        CommentsDbContext db, string siteId, string articleId, DateTimeOffset start, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var newSince = now - TimeSpan.FromDays(1);
        var usualStart = start - TimeSpan.FromDays(1);
        var counts = await db.Database.SqlQuery<ActivityCounts>($"""
            select
              count(*)::int as comments,
              count(*) filter (where c.status <> 'pending')::int as decided,
              count(*) filter (where c.status in ('held', 'rejected'))::int as held_or_rejected,
              count(*) filter (where (select min(a.created_at) from comments a where a.author_id = c.author_id) > {newSince})::int as by_new_accounts,
              (select count(*) from reports r join comments rc on rc.id = r.comment_id
                 where r.created_at >= {start} and rc.site_id = {siteId} and rc.article_id = {articleId})::int as reports,
              (select count(*) from comments u where u.article_id = {articleId} and u.site_id = {siteId}
                 and u.created_at >= {usualStart} and u.created_at < {start})::int as usual
            from comments c
            where c.article_id = {articleId} and c.site_id = {siteId} and c.created_at >= {start} and c.created_at <= {now}
            """).SingleAsync(cancellationToken);
        var windowMinutes = Math.Max(1.0, (now - start).TotalMinutes);
        return new ArticleActivity(siteId, articleId, windowMinutes, counts.Comments, counts.Decided, counts.HeldOrRejected, counts.ByNewAccounts,
            counts.Reports, counts.Usual / TimeSpan.FromDays(1).TotalMinutes);
    }

    public sealed record ArticleKey(string SiteId, string ArticleId);

    private sealed record ActivityCounts(int Comments, int Decided, int HeldOrRejected, int ByNewAccounts, int Reports, int Usual);
}
