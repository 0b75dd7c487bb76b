namespace Comments.Storage.Articles;

/// <summary>
/// One article's own settings, changed by moderators. Without a row an article is open, not pre-moderated, without slow
/// mode, and closes automatically only when its site's default says so.
/// </summary>
public class ArticleSettings
{
    public required string SiteId { get; set; }
    public required string ArticleId { get; set; }

    /// <summary>Closed by a moderator: no new comments, replies or edits; the listing still reads.</summary>
    public bool Closed { get; set; }

    /// <summary>Hold every comment on the article for a moderator.</summary>
    public bool PreModeration { get; set; }

    /// <summary>At most one comment per reader per this many seconds on the article; 0 turns it off.</summary>
    public int SlowModeSeconds { get; set; }

    /// <summary>Close this many days after the first published comment; 0 never; null follows the site's default.</summary>
    public int? AutoCloseAfterDays { get; set; }

    public int Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
}
