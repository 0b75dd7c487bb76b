using Comments.Moderation.Words;

namespace Comments.Moderation.Settings;

/// <summary>Everything the pipeline needs to know about a site at one moment: its settings and compiled word lists.</summary>
public sealed record SiteModeration(string SiteId, ModerationSettings Settings, int SettingsVersion, WordMatcher Words, string WordListVersion);
