using Comments.Storage.Comments;

namespace Comments.Api.Moderation;

/// <summary>
/// The review queues, defined the same way as the database trigger that counts them (comment_queues in the
/// Workbench migration): pending = held by the pipeline; unmoderated = not yet decided; reported = open reports.
/// </summary>
public static class Queues
{
    public static IQueryable<Comment> In(this IQueryable<Comment> comments, ReviewQueue queue) => queue switch
    {
        ReviewQueue.Pending => comments.Where(c => c.DeletedAt == null && c.Status == CommentStatus.Held),
        ReviewQueue.Unmoderated => comments.Where(c => c.DeletedAt == null && c.Status == CommentStatus.Pending),
        ReviewQueue.Reported => comments.Where(c => c.DeletedAt == null && c.OpenReportCount > 0),
        ReviewQueue.Rejected => comments.Where(c => c.Status == CommentStatus.Rejected),
        ReviewQueue.Approved => comments.Where(c => c.DeletedAt == null && c.Status == CommentStatus.Approved),
        _ => throw new ArgumentOutOfRangeException(nameof(queue), queue, "unknown queue"),
    };
}
