namespace Comments.Contracts;

/// <summary>A help request accepted by the API, waiting to be stored and triaged.</summary>
public record HelpRequestSubmitted
{
    public required Guid HelpRequestId { get; init; }
    public required string Reference { get; init; }
    public string SiteId { get; init; } = "default";
    public string? RequesterId { get; init; }
    /// <summary>The signed-in reader's address from their token, or the address an anonymous requester typed.</summary>
    public string? Email { get; init; }

    /// <summary>A signed-in reader's typed address when it differs from their token's: unverified, for support to see.</summary>
    public string? ContactEmail { get; init; }

    /// <summary>An anonymous requester's access token: stored only hashed, sent to them once in the acknowledgement mail.</summary>
    public string? AccessToken { get; init; }
    public string? ArticleId { get; init; }
    public Guid? CommentId { get; init; }
    public string? Category { get; init; }
    public required string Message { get; init; }
    public string? UserAgent { get; init; }
    public string? Page { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
}
