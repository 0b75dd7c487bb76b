namespace Comments.Storage.Articles;

/// <summary>An article's published comment count and last activity, maintained as comments change.</summary>
public class ArticleStats
{
    public string SiteId { get; set; } = Sites.SiteSettings.DefaultSiteId;
    public required string ArticleId { get; set; }
    public int PublishedCount { get; set; }
    public DateTimeOffset LastActivityAt { get; set; }
}
