namespace Comments.Contracts;

/// <summary>A reader's comment accepted by the API and waiting for moderation.</summary>
public record CommentSubmitted
{
    public required Guid CommentId { get; init; }

    /// <summary>The host news site whose moderation settings apply.</summary>
    public string SiteId { get; init; } = "default";

    public required string ArticleId { get; init; }
    public Guid? ParentId { get; init; }
    public required string AuthorId { get; init; }
    public required string AuthorName { get; init; }

    /// <summary>The author's roles from their token (reader, moderator, support, admin).</summary>
    public IReadOnlyList<string> AuthorRoles { get; init; } = [];
    public required string Body { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
}
