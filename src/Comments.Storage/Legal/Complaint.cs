namespace Comments.Storage.Legal;

/// <summary>
/// An author's complaint against a statement of reasons (Digital Services Act article 20), within six months of it.
/// It arrives through the help desk's appeal path; a person decides it, and the outcome reaches the author.
/// </summary>
public class Complaint
{
    public Guid Id { get; set; }
    public required string SiteId { get; set; }
    public required string UserId { get; set; }
    public Guid StatementId { get; set; }

    /// <summary>The help request the complaint came through.</summary>
    public Guid? HelpRequestId { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }
    public ComplaintOutcome? Outcome { get; set; }
    public string? OutcomeReason { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
}
