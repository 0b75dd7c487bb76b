namespace Comments.Contracts;

/// <summary>An author deleted their comment.</summary>
public record CommentDeleted
{
    public required Guid CommentId { get; init; }
    public required string ArticleId { get; init; }
    public required string AuthorId { get; init; }
    public required DateTimeOffset DeletedAt { get; init; }
}
