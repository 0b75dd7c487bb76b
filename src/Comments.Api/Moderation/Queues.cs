using Comments.Storage.Comments;

namespace Comments.Api.Moderation;

/// <summary>
/// The review queues, defined the same way as the database trigger that counts them (comment_queues in the
/// Workbench migration): pending = held by the pipeline; unmoderated = not yet decided; reported = open reports.
/// </summary>
public static class Queues
{
    public static readonly string[] Names = ["pending", "reported", "rejected", "approved", "unmoderated"];

    public static bool IsKnown(string queue) => Names.Contains(queue);

    public static IQueryable<Comment> In(this IQueryable<Comment> comments, string queue) => queue switch
    {
        "pending" => comments.Where(c => c.DeletedAt == null && c.Status == CommentStatus.Held),
        "unmoderated" => comments.Where(c => c.DeletedAt == null && c.Status == CommentStatus.Pending),
        "reported" => comments.Where(c => c.DeletedAt == null && c.OpenReportCount > 0),
        "rejected" => comments.Where(c => c.Status == CommentStatus.Rejected),
        "approved" => comments.Where(c => c.DeletedAt == null && c.Status == CommentStatus.Approved),
        _ => throw new ArgumentOutOfRangeException(nameof(queue), queue, "unknown queue"),
    };
}
