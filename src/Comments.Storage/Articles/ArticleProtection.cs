using System.Linq.Expressions;

namespace Comments.Storage.Articles;

/// <summary>
/// One spell of automatic protection of an article a brigade came to: started by the worker's brigade watch when the
/// article's last minutes crossed the site's thresholds, over at <see cref="Until"/> or when a moderator ends it.
/// The rows stay as the article's history.
/// </summary>
public class ArticleProtection
{
    public Guid Id { get; set; }
    public required string SiteId { get; set; }
    public required string ArticleId { get; set; }
    public ArticleProtectionMode Mode { get; set; }

    /// <summary>The slow mode it sets (seconds), when <see cref="Mode"/> is slow mode.</summary>
    public int SlowModeSeconds { get; set; }

    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset Until { get; set; }

    /// <summary>When a moderator ended it early, and who; the watch ignores what came before this time.</summary>
    public DateTimeOffset? EndedAt { get; set; }
    public string? EndedBy { get; set; }

    /// <summary>The signals that crossed their thresholds, as JSON (for the console and the audit log).</summary>
    public required string SignalsJson { get; set; }

    public bool IsActive(DateTimeOffset now) => EndedAt is null && Until > now;

    /// <summary><see cref="IsActive"/> for queries: the one rule of "in force", translated to SQL.</summary>
    public static Expression<Func<ArticleProtection, bool>> ActiveAt(DateTimeOffset now) => p => p.EndedAt == null && p.Until > now;
}
