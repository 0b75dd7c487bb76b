namespace Comments.Contracts;

/// <summary>A reader's comment, or a new revision of it, accepted by the API and waiting for moderation.</summary>
public record CommentSubmitted
{
    public required Guid CommentId { get; init; }

    /// <summary>The host news site whose moderation settings apply.</summary>
    public string SiteId { get; init; } = "default";

    public required string ArticleId { get; init; }
    public Guid? ParentId { get; init; }

    /// <summary>0 for a top-level comment; the API has already applied the nesting limit.</summary>
    public int Depth { get; init; }

    /// <summary>1 when posted; each edit sends the next revision, which is moderated again.</summary>
    public int Revision { get; init; } = 1;
    public required string AuthorId { get; init; }
    public required string AuthorName { get; init; }

    /// <summary>The author's roles from their token (reader, moderator, support, admin).</summary>
    public IReadOnlyList<string> AuthorRoles { get; init; } = [];
    public required string Body { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
}
