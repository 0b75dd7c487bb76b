namespace Comments.Contracts;

/// <summary>A help request accepted by the API, waiting to be stored and triaged.</summary>
public record HelpRequestSubmitted
{
    public required Guid HelpRequestId { get; init; }
    public required string Reference { get; init; }
    public string SiteId { get; init; } = "default";
    public string? RequesterId { get; init; }
    public string? Email { get; init; }
    public string? ArticleId { get; init; }
    public Guid? CommentId { get; init; }
    public string? Category { get; init; }
    public required string Message { get; init; }
    public string? UserAgent { get; init; }
    public string? Page { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
}
