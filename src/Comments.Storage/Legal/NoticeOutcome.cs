namespace Comments.Storage.Legal;

/// <summary>What a moderator did about a notice of illegal content.</summary>
public enum NoticeOutcome
{
    /// <summary>The comment was removed.</summary>
    Removed,

    /// <summary>The comment's visibility was restricted (hidden from the public view, kept for the author).</summary>
    Restricted,

    NoAction,
}
