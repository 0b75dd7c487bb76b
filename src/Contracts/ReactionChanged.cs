namespace Comments.Contracts;

/// <summary>A reader added or removed a reaction.</summary>
public record ReactionChanged
{
    public required Guid CommentId { get; init; }
    /// <summary>The comment's article; absent in messages from before it was added.</summary>
    public string? ArticleId { get; init; }
    public required string UserId { get; init; }
    public required string Kind { get; init; }
    public required bool Added { get; init; }
    public required int Count { get; init; }
    public required DateTimeOffset ChangedAt { get; init; }
}
