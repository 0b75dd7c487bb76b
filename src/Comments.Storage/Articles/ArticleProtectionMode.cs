namespace Comments.Storage.Articles;

/// <summary>What an article under attack switches to for a while: slow mode, or every comment held for a moderator.</summary>
public enum ArticleProtectionMode
{
    SlowMode,
    PreModeration,
}
