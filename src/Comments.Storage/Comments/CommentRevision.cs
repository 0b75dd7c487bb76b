namespace Comments.Storage.Comments;

/// <summary>One version of a comment's text, kept for moderators.</summary>
public class CommentRevision
{
    public Guid CommentId { get; set; }
    public int Revision { get; set; }
    public required string Body { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
