using Comments.Api.Comments;
using Comments.Storage.Legal;

namespace Comments.Api.Statements;

/// <summary>
/// A statement of reasons as its author reads it (Digital Services Act article 17(3)): what was restricted, the facts
/// relied on (the reasons they are told elsewhere), whether and how automated means took part, the ground, and until
/// when and how they can complain. Never who decided.
/// </summary>
public sealed record StatementView(
    Guid Id, string Reference, Restriction Restriction, string Summary, Guid? CommentId, IReadOnlyList<ReaderReason> Facts,
    AutomationUse Automation, string AutomationText, DecisionGround Ground, string? GroundDetail, string GroundText,
    DateTimeOffset IssuedAt, DateTimeOffset? EndsAt, DateTimeOffset ComplaintsUntil, string Redress, bool CanComplain, StatementComplaintView? Complaint);

/// <summary>The author's complaint about a statement, and once a person decided it, the outcome and its reason.</summary>
public sealed record StatementComplaintView(Guid HelpRequestId, string HelpRequestReference, DateTimeOffset ReceivedAt, ComplaintOutcome? Outcome,
    string? OutcomeReason, DateTimeOffset? DecidedAt, string Text);

/// <summary>What a complaint's author sends: why the decision should be reviewed.</summary>
public sealed record ComplaintRequest([property: Infrastructure.Validation.Text(0, 4000)] string? Message);
