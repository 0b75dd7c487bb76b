namespace Comments.Api.Support;

/// <summary>What a help preview's answer is about: one of the reader's comments, their standing, the article, or the category in general.</summary>
public enum HelpAnswerKind
{
    CommentWaiting,
    CommentHidden,
    CommentRemoved,
    Banned,
    Suspended,
    ArticleClosed,
    SlowMode,
    General,
}
