namespace Comments.Contracts;

/// <summary>A moderator featured a comment as an editors' pick, or took it back (<see cref="Featured"/> false).</summary>
public record CommentFeatured
{
    public required Guid CommentId { get; init; }
    public required string ArticleId { get; init; }
    public required bool Featured { get; init; }
    public required string Actor { get; init; }
    public required DateTimeOffset ChangedAt { get; init; }
}
