namespace Comments.Moderation.Settings;

/// <summary>
/// What an article's state is computed from, as read from the database: they change only on a moderator's or the
/// brigade watch's change (or a first published comment), so an API instance may keep them a few seconds, while
/// <see cref="At"/> compares the times in them with the clock at each use.
/// </summary>
public sealed record ArticleFacts(ArticleModerationSettings Settings, int AutoCloseDays, DateTimeOffset? FirstCommentAt, ActiveProtection? Protection)
{
    /// <summary>An automatic close applies but no comment is published yet: the next one would start the clock.</summary>
    public bool AwaitsFirstComment => AutoCloseDays > 0 && !Settings.Closed && FirstCommentAt is null;

    public ArticleState At(DateTimeOffset now) =>
        ArticleState.For(Settings, AutoCloseDays, FirstCommentAt, now, Protection is { } protection && protection.Until > now ? protection : null);
}
