namespace Comments.Storage.Sites;

/// <summary>One recorded change to a site's settings or word lists: who, when, what it was before and after.</summary>
public class SettingsChange
{
    public Guid Id { get; set; }
    public required string SiteId { get; set; }

    /// <summary>Room for "article:" and an article key.</summary>
    public const int SubjectMaxLength = 220;

    /// <summary>"settings", "wordlist:banned", "wordlist:suspect", "examples:" and a harm, or "article:" and an article key.</summary>
    public required string Subject { get; set; }

    public required string BeforeJson { get; set; }
    public required string AfterJson { get; set; }
    public required string ChangedBy { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}
