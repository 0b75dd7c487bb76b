namespace Comments.Contracts;

/// <summary>A reader reported a comment.</summary>
public record CommentReported
{
    public required Guid ReportId { get; init; }
    public required Guid CommentId { get; init; }
    public required string ArticleId { get; init; }
    public required string ReporterId { get; init; }
    public required string Reason { get; init; }
    public required double Weight { get; init; }
    public required bool Hidden { get; init; }
    public required DateTimeOffset ReportedAt { get; init; }
}
