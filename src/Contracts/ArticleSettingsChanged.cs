namespace Comments.Contracts;

/// <summary>
/// An article's settings or its protection against a brigade changed (a moderator, or the worker's brigade watch):
/// every API instance evicts the article's cached listings and stats, which show whether it takes comments.
/// </summary>
public record ArticleSettingsChanged
{
    public required string SiteId { get; init; }
    public required string ArticleId { get; init; }

    /// <summary>What changed, by wire name: <c>settings</c>, <c>protection_started</c> or <c>protection_ended</c>.</summary>
    public required string Change { get; init; }
    public required DateTimeOffset ChangedAt { get; init; }
}
