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

    /// <summary>"comment", "user", "settings", "wordlist", "examples" or "model".</summary>
    public required string TargetType { get; set; }

    public required string TargetId { get; set; }
    public DateTimeOffset At { get; set; }
    public string? BeforeJson { get; set; }
    public string? AfterJson { get; set; }
}
