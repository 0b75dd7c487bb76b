using Comments.Moderation.Settings;

namespace Comments.Api.Moderation;

/// <summary>An article's settings and what they mean now (closed and why, when it closes by itself).</summary>
public sealed record ArticleSettingsView(string SiteId, string ArticleId, int Version, ArticleModerationSettings Settings, ArticleState State);
