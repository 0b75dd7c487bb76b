namespace Comments.Storage.Comments;

/// <summary>Where a comment stands. Stored as lower-case text (see <see cref="CommentsDbContext"/>).</summary>
public enum CommentStatus
{
    Pending,
    Approved,
    Held,
    Rejected,
}
