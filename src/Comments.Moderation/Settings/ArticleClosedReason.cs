namespace Comments.Moderation.Settings;

/// <summary>Why an article takes no new comments: a moderator closed it, or its automatic close came.</summary>
public enum ArticleClosedReason
{
    Moderator,
    AutoClose,
}
