namespace Comments.Contracts;

/// <summary>
/// Decisions were stored: all those of one worker group in one event (a revision, a redelivery or a person's decision
/// is a list of one), so that every consumer pays its per-message cost once per group. Never empty.
/// </summary>
public record CommentsModerated
{
    public required IReadOnlyList<ModeratedComment> Items { get; init; }
}

/// <summary>A decision stored for a comment.</summary>
public record ModeratedComment
{
    public required Guid CommentId { get; init; }
    public required string ArticleId { get; init; }
    public required string Outcome { get; init; }
    public required IReadOnlyList<string> ReasonCodes { get; init; }
    public required string Actor { get; init; }
    public required DateTimeOffset DecidedAt { get; init; }
}
