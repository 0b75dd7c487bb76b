using Comments.Storage.Articles;

namespace Comments.Moderation.Settings;

/// <summary>
/// What an article's settings and any protection against a brigade mean at one moment: whether it is closed and why,
/// when it closes by itself, whether every comment is held (by its settings or its protection) and the slow mode in force.
/// </summary>
public sealed record ArticleState(
    bool Closed, ArticleClosedReason? ClosedReason, DateTimeOffset? ClosesAt, bool PreModeration, int SlowModeSeconds, ActiveProtection? Protection)
{
    public static ArticleState For(ArticleModerationSettings settings, int autoCloseDays, DateTimeOffset? firstCommentAt, DateTimeOffset now,
        ActiveProtection? protection = null)
    {
        DateTimeOffset? closesAt = autoCloseDays > 0 && firstCommentAt is { } first ? first.AddDays(autoCloseDays) : null;
        var reason = settings.Closed ? ArticleClosedReason.Moderator
            : closesAt is { } at && at <= now ? ArticleClosedReason.AutoClose
            : (ArticleClosedReason?)null;
        var preModeration = settings.PreModeration || protection?.Mode == ArticleProtectionMode.PreModeration;
        var slowMode = Math.Max(settings.SlowModeSeconds, protection?.Mode == ArticleProtectionMode.SlowMode ? protection.SlowModeSeconds : 0);
        return new ArticleState(reason is not null, reason, closesAt, preModeration, slowMode, protection);
    }
}
