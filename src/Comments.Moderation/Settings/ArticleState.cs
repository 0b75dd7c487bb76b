namespace Comments.Moderation.Settings;

/// <summary>What an article's settings mean at one moment: whether it is closed and why, and when it closes by itself.</summary>
public sealed record ArticleState(bool Closed, ArticleClosedReason? ClosedReason, DateTimeOffset? ClosesAt, bool PreModeration, int SlowModeSeconds)
{
    public static ArticleState For(ArticleModerationSettings settings, int autoCloseDays, DateTimeOffset? firstCommentAt, DateTimeOffset now)
    {
        DateTimeOffset? closesAt = autoCloseDays > 0 && firstCommentAt is { } first ? first.AddDays(autoCloseDays) : null;
        var reason = settings.Closed ? ArticleClosedReason.Moderator
            : closesAt is { } at && at <= now ? ArticleClosedReason.AutoClose
            : (ArticleClosedReason?)null;
        return new ArticleState(reason is not null, reason, closesAt, settings.PreModeration, settings.SlowModeSeconds);
    }
}
