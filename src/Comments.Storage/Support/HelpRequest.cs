namespace Comments.Storage.Support;

/// <summary>A reader's request for help, sent from the footer under an article.</summary>
public class HelpRequest
{
    public Guid Id { get; set; }

    /// <summary>Short and readable, like HR-7F3K2; what the reader quotes.</summary>
    public required string Reference { get; set; }

    public string? RequesterId { get; set; }
    public string? Email { get; set; }

    /// <summary>An address a signed-in reader typed that differs from their token's; never used to find or link requests.</summary>
    public string? ContactEmail { get; set; }

    /// <summary>SHA-256 (hex) of the anonymous requester's access token: what lets them read the request.</summary>
    public string? AccessTokenHash { get; set; }
    public string? ArticleId { get; set; }
    public Guid? CommentId { get; set; }
    public HelpRequestCategory Category { get; set; }
    public bool CategoryGiven { get; set; }
    public HelpRequestPriority Priority
    {
        get;
        set { field = value; PriorityRank = (int)value; }
    }

    /// <summary>The priority as a number (<see cref="HelpRequestPriority"/>): the queue's first sort key, indexed.</summary>
    public int PriorityRank { get; private set; }

    public HelpRequestStatus Status { get; set; }
    public required string Message { get; set; }
    public string? UserAgent { get; set; }
    public string? Page { get; set; }
    public string? AssigneeId { get; set; }
    public Guid? DuplicateOfId { get; set; }
    public bool IsSpam { get; set; }
    public bool Triaged { get; set; }
    public string? TriageNote { get; set; }

    /// <summary>What support sees beside the request: recent comments, standing, refusals (JSON).</summary>
    public string? ContextJson { get; set; }

    public bool Escalated { get; set; }
    public string? Outcome { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset FirstReplyDueAt { get; set; }
    public DateTimeOffset? FirstReplyAt { get; set; }
}
