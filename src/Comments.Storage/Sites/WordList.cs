namespace Comments.Storage.Sites;

/// <summary>A site's banned or suspect word list, or its examples of one harm. Without a row, the shipped default list applies.</summary>
public class WordList
{
    public required string SiteId { get; set; }

    /// <summary>"banned", "suspect", or "examples:" and the harm.</summary>
    public required string Kind { get; set; }

    public string[] Entries { get; set; } = [];
    public int Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
}
