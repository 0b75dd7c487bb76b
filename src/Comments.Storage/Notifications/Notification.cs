namespace Comments.Storage.Notifications;

/// <summary>
/// One thing a reader is told about. Unique per reader, kind and subject, so that an event delivered twice tells
/// them once. <see cref="MailedAt"/> is set when a digest mail carried it (or it needed none: it was read first).
/// </summary>
public class Notification
{
    public Guid Id { get; set; }

    /// <summary>The site whose reader this is: a user id names a person only within one site's sign-in.</summary>
    public required string SiteId { get; set; }
    public required string UserId { get; set; }
    public NotificationKind Kind { get; set; }

    /// <summary>The reply, the comment, the decision or the help request's reply entry (see <see cref="NotificationKind"/>).</summary>
    public Guid SubjectId { get; set; }

    public Guid? CommentId { get; set; }
    public string? ArticleId { get; set; }
    public Guid? HelpRequestId { get; set; }

    /// <summary>The replier's display name (public on their comment), for "Ada replied to your comment".</summary>
    public string? ActorName { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
    public DateTimeOffset? MailedAt { get; set; }
}
