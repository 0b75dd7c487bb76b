namespace Comments.Moderation.Settings;

/// <summary>
/// One article's settings as moderators set them through <c>PUT /api/moderation/articles/{articleId}/settings</c>; the
/// defaults are an article without a row of its own.
/// </summary>
public sealed record ArticleModerationSettings
{
    public bool Closed { get; init; }
    public bool PreModeration { get; init; }
    public int SlowModeSeconds { get; init; }

    /// <summary>Close this many days after the first published comment; 0 never; null follows the site's <see cref="ModerationSettings.ArticleAutoCloseDays"/>.</summary>
    public int? AutoCloseAfterDays { get; init; }
}
