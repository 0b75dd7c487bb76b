using Comments.Moderation.Settings;

namespace Comments.Api.Moderation;

/// <summary>One article in the console's articles view: its counts, settings, state (closed, protected) and open queue items.</summary>
public sealed record ArticleSummary(
    string ArticleId, int PublishedCount, DateTimeOffset? LastActivityAt, ArticleModerationSettings Settings, ArticleState State,
    int Pending, int Reported, bool UnderAttack);
