using Comments.Moderation.Examples;
using Comments.Moderation.Words;

namespace Comments.Moderation.Settings;

/// <summary>Everything the pipeline needs to know about a site at one moment: its settings, compiled word lists and example bank.</summary>
public sealed record SiteModeration(string SiteId, ModerationSettings Settings, int SettingsVersion, WordMatcher Words, string WordListVersion, ExampleBank Examples);
