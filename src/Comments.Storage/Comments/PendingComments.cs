using Microsoft.EntityFrameworkCore;

namespace Comments.Storage.Comments;

public static class PendingComments
{
    /// <summary>
    /// Stores a submitted comment as pending unless a row with its id exists already. Both the API (so the author
    /// sees it at once) and the worker (before deciding) call this, in either order, any number of times.
    /// </summary>
    public static Task<int> InsertPendingIfAbsentAsync(this CommentsDbContext db, Comment comment, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            insert into comments (id, site_id, article_id, parent_id, author_id, author_name, body, status, revision, depth, created_at, updated_at)
            values ({comment.Id}, {comment.SiteId}, {comment.ArticleId}, {comment.ParentId}, {comment.AuthorId}, {comment.AuthorName},
                    {comment.Body}, 'pending', {comment.Revision}, {comment.Depth}, {comment.CreatedAt}, {comment.UpdatedAt})
            on conflict (id) do nothing
            """, cancellationToken);

    /// <summary>Loads a comment and locks its row until the transaction ends, so that concurrent deliveries take turns.</summary>
    public static Task<Comment?> LockAsync(this DbSet<Comment> comments, Guid id, CancellationToken cancellationToken) =>
        comments.FromSql($"select *, xmin from comments where id = {id} for update").SingleOrDefaultAsync(cancellationToken);
}
