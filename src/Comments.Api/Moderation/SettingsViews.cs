using System.Text.Json;
using Comments.Moderation.Analysis;
using Comments.Moderation.Settings;

namespace Comments.Api.Moderation;

/// <summary>A site's settings, with the thresholds in force when a setting is left to the model's own.</summary>
public sealed record SettingsView(string SiteId, int Version, ModerationSettings Settings, EffectiveThresholds Effective)
{
    public static SettingsView From(string siteId, int version, ModerationSettings settings, ContentAnalyzer analyzer) => new(
        siteId, version, settings,
        new EffectiveThresholds(analyzer.ToxicityHoldThreshold(settings), settings.ToxicityRejectThreshold, analyzer.SpamHoldThreshold(settings),
            analyzer.ToxicityModel.Version, analyzer.SpamModel.Version));
}

public sealed record EffectiveThresholds(double ToxicityHold, double? ToxicityReject, double SpamHold, string ToxicityModel, string SpamModel);

public sealed record WordListUpdate(IReadOnlyList<string>? Entries);

public sealed record WordListView(string SiteId, string Kind, int Version, IReadOnlyList<string> Entries);

public sealed record SettingsChangeView(string Subject, string ChangedBy, DateTimeOffset ChangedAt, JsonElement Before, JsonElement After)
{
    public SettingsChangeView(string subject, string changedBy, DateTimeOffset changedAt, string before, string after)
        : this(subject, changedBy, changedAt, JsonDocument.Parse(before).RootElement.Clone(), JsonDocument.Parse(after).RootElement.Clone())
    {
    }
}
