namespace Comments.Storage.Legal;

/// <summary>
/// What the author of restricted content is told (Digital Services Act article 17): what was restricted, the facts
/// relied on, whether automated means were used, the ground, and until when they can complain. One per removal,
/// hold or account restriction, automatic or by a moderator; written in the same unit of work as the restriction.
/// </summary>
public class StatementOfReasons
{
    public Guid Id { get; set; }

    /// <summary>Short and readable, like SR-7F3K2; what the author quotes when they complain.</summary>
    public required string Reference { get; set; }

    public required string SiteId { get; set; }

    /// <summary>The author whose comment or account was restricted.</summary>
    public required string UserId { get; set; }

    public Restriction Restriction { get; set; }
    public Guid? CommentId { get; set; }

    /// <summary>The decision that restricted the comment; null for an account restriction.</summary>
    public Guid? DecisionId { get; set; }

    /// <summary>The notice the restriction answered; null when it was taken on the site's own initiative.</summary>
    public Guid? NoticeId { get; set; }

    /// <summary>The decision's reason codes (the facts relied on, shown to the author in plain words).</summary>
    public string[] ReasonCodes { get; set; } = [];

    public AutomationUse Automation { get; set; }
    public DecisionGround Ground { get; set; }

    /// <summary>The legal category (illegal content) or the terms-of-service rule.</summary>
    public string? GroundDetail { get; set; }

    /// <summary>Who decided: "system" or the moderator's user id (staff only; never shown to the author).</summary>
    public required string DecidedBy { get; set; }

    public DateTimeOffset IssuedAt { get; set; }

    /// <summary>When a suspension ends; null for everything else.</summary>
    public DateTimeOffset? EndsAt { get; set; }
}
