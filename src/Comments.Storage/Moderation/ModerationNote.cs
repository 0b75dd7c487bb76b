namespace Comments.Storage.Moderation;

/// <summary>A moderator's note on a user or a comment.</summary>
public class ModerationNote
{
    public Guid Id { get; set; }

    /// <summary>"user" or "comment".</summary>
    public required string TargetType { get; set; }

    public required string TargetId { get; set; }
    public required string Author { get; set; }
    public required string Body { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
