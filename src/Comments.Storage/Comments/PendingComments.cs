using Microsoft.EntityFrameworkCore;

namespace Comments.Storage.Comments;

public static class PendingComments
{
    /// <summary>
    /// Stores a submitted comment as pending unless a row with its id exists already. Both the API (so the author
    /// sees it at once) and the worker (before deciding) call this, in either order, any number of times.
    /// </summary>
    public static Task<int> InsertPendingIfAbsentAsync(this CommentsDbContext db, Comment comment, CancellationToken cancellationToken) =>
        db.InsertPendingIfAbsentAsync([comment], cancellationToken);

    /// <summary>The same for many comments in one statement (the worker's grouped decisions).</summary>
    public static Task<int> InsertPendingIfAbsentAsync(this CommentsDbContext db, IReadOnlyList<Comment> comments, CancellationToken cancellationToken)
    {
        var ids = comments.Select(c => c.Id).ToArray();
        var sites = comments.Select(c => c.SiteId).ToArray();
        var articles = comments.Select(c => c.ArticleId).ToArray();
        var parents = comments.Select(c => c.ParentId).ToArray();
        var authors = comments.Select(c => c.AuthorId).ToArray();
        var names = comments.Select(c => c.AuthorName).ToArray();
        var badges = comments.Select(c => c.AuthorBadge?.WireName()).ToArray();
        var bodies = comments.Select(c => c.Body).ToArray();
        var revisions = comments.Select(c => c.Revision).ToArray();
        var depths = comments.Select(c => c.Depth).ToArray();
        var created = comments.Select(c => c.CreatedAt).ToArray();
        var updated = comments.Select(c => c.UpdatedAt).ToArray();
        return db.Database.ExecuteSqlInterpolatedAsync($"""
            insert into comments (id, site_id, article_id, parent_id, author_id, author_name, author_badge, body, status, revision, depth, created_at, updated_at)
            select id, site_id, article_id, parent_id, author_id, author_name, author_badge, body, 'pending', revision, depth, created_at, updated_at
            from unnest({ids}::uuid[], {sites}::text[], {articles}::text[], {parents}::uuid[], {authors}::text[], {names}::text[], {badges}::text[],
                        {bodies}::text[], {revisions}::integer[], {depths}::integer[], {created}::timestamptz[], {updated}::timestamptz[])
                 as c(id, site_id, article_id, parent_id, author_id, author_name, author_badge, body, revision, depth, created_at, updated_at)
            on conflict (id) do nothing
            """, cancellationToken);
    }

    /// <summary>Loads a comment and locks its row until the transaction ends, so that concurrent deliveries take turns.</summary>
    public static async Task<Comment?> LockAsync(this DbSet<Comment> comments, Guid id, CancellationToken cancellationToken) =>
        (await comments.LockAsync([id], cancellationToken)).SingleOrDefault();

    /// <summary>Loads and locks many comments, in the order of their ids (two groups that share comments lock them in the same order).</summary>
    public static Task<List<Comment>> LockAsync(this DbSet<Comment> comments, Guid[] ids, CancellationToken cancellationToken) =>
        comments.FromSql($"select *, xmin from comments where id = any({ids}) order by id for update").ToListAsync(cancellationToken);
}
