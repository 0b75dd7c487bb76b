namespace Comments.Storage.Decisions;

/// <summary>One moderation decision on one revision of a comment, by the system or a moderator.</summary>
public class Decision
{
    public const string SystemActor = "system";

    public Guid Id { get; set; }
    public Guid CommentId { get; set; }
    public int Revision { get; set; }
    public DecisionOutcome Outcome { get; set; }
    public string[] ReasonCodes { get; set; } = [];
    public required string Actor { get; set; }
    public DateTimeOffset DecidedAt { get; set; }
    public DecisionDetails Details { get; set; } = new();
}
