using System.ComponentModel.DataAnnotations;
using Comments.Moderation.Settings;

namespace Comments.Api.Moderation;

/// <summary>An article's settings as a whole; a field left out takes its default (open, not pre-moderated, no slow mode, the site's automatic close).</summary>
public sealed record ArticleSettingsUpdate(
    bool Closed,
    bool PreModeration,
    [property: Range(0, 86_400, ErrorMessage = "slowModeSeconds must be between 0 (off) and 86400.")] int SlowModeSeconds,
    [property: Range(0, 3_650, ErrorMessage = "autoCloseAfterDays must be between 0 (never) and 3650, or null for the site's default.")] int? AutoCloseAfterDays)
{
    public ArticleModerationSettings ToSettings() => new()
    {
        Closed = Closed, PreModeration = PreModeration, SlowModeSeconds = SlowModeSeconds, AutoCloseAfterDays = AutoCloseAfterDays,
    };
}
