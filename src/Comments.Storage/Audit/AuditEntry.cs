namespace Comments.Storage.Audit;

/// <summary>
/// One human or system action, appended and never changed: the database refuses UPDATE and DELETE on this table
/// (trigger in the Workbench migration), and the API has no endpoint that writes it except by acting.
/// </summary>
public class AuditEntry
{
    public Guid Id { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }

    /// <summary>Room for a site, "article:" and an article key.</summary>
    public const int TargetIdMaxLength = 320;

    /// <summary>"comment", "user", "settings", "article_settings", "wordlist", "examples" or "model".</summary>
    public required string TargetType { get; set; }

    public required string TargetId { get; set; }
    public DateTimeOffset At { get; set; }
    public string? BeforeJson { get; set; }
    public string? AfterJson { get; set; }
}
