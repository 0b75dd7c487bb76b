namespace Comments.Contracts;

/// <summary>An author's new revision was stored and moderated again.</summary>
public record CommentEdited
{
    public required Guid CommentId { get; init; }
    public required string ArticleId { get; init; }
    public required int Revision { get; init; }
    public required string Status { get; init; }
    public required DateTimeOffset EditedAt { get; init; }
}
