using Microsoft.EntityFrameworkCore;

namespace Comments.Storage.Comments;

/// <summary>
/// The moderators' queue of held comments, worked oldest first: a held comment's place in it, for the reader (the help
/// form's preview) and for support (triage notes).
/// </summary>
public static class HeldQueue
{
    /// <summary>How many of the site's held comments come before this one.</summary>
    public static Task<int> AheadOfAsync(this IQueryable<Comment> comments, Comment comment, CancellationToken cancellationToken) =>
        comments.CountAsync(c => c.SiteId == comment.SiteId && c.Status == CommentStatus.Held && c.DeletedAt == null
            && EF.Functions.LessThan(ValueTuple.Create(c.CreatedAt, c.Id), ValueTuple.Create(comment.CreatedAt, comment.Id)), cancellationToken);
}
