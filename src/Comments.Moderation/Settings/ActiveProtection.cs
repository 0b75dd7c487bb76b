using Comments.Storage.Articles;

namespace Comments.Moderation.Settings;

/// <summary>An article's current automatic protection against a brigade (<see cref="ArticleProtection"/>).</summary>
public sealed record ActiveProtection(Guid Id, ArticleProtectionMode Mode, int SlowModeSeconds, DateTimeOffset StartedAt, DateTimeOffset Until)
{
    public static ActiveProtection From(ArticleProtection row) => new(row.Id, row.Mode, row.SlowModeSeconds, row.StartedAt, row.Until);
}
