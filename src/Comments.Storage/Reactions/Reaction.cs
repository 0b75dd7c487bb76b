namespace Comments.Storage.Reactions;

/// <summary>A reader's "respect" on a comment: one per reader per comment.</summary>
public class Reaction
{
    public const string Respect = "respect";

    public Guid CommentId { get; set; }
    public required string UserId { get; set; }
    public required string Kind { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
