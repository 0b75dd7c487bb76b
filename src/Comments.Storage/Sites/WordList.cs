namespace Comments.Storage.Sites;

/// <summary>A site's banned or suspect word list. Without a row, the shipped default list applies.</summary>
public class WordList
{
    public required string SiteId { get; set; }

    /// <summary>"banned" or "suspect".</summary>
    public required string Kind { get; set; }

    public string[] Entries { get; set; } = [];
    public int Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
}
