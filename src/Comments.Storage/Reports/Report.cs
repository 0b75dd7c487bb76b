namespace Comments.Storage.Reports;

/// <summary>A reader's report of a comment. One per reader per comment.</summary>
public class Report
{
    public Guid Id { get; set; }
    public Guid CommentId { get; set; }
    public required string ReporterId { get; set; }
    public ReportReason Reason { get; set; }
    public string? Details { get; set; }

    /// <summary>The reporter's trust weight when they reported.</summary>
    public double Weight { get; set; }

    public ReportStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
}
