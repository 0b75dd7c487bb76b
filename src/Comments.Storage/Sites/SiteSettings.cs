namespace Comments.Storage.Sites;

/// <summary>A host site's moderation settings, stored as one JSON document so that new settings need no migration.</summary>
public class SiteSettings
{
    public const string DefaultSiteId = "default";

    public required string SiteId { get; set; }
    public required string Json { get; set; }
    public int Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
}
