namespace Comments.Contracts;

/// <summary>A decision was stored for a comment.</summary>
public record CommentModerated
{
    public required Guid CommentId { get; init; }
    public required string ArticleId { get; init; }
    public required string Outcome { get; init; }
    public required IReadOnlyList<string> ReasonCodes { get; init; }
    public required string Actor { get; init; }
    public required DateTimeOffset DecidedAt { get; init; }
}
