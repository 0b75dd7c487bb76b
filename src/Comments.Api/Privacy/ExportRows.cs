using Comments.Storage.Comments;
using Comments.Storage.Decisions;
using Comments.Storage.Legal;
using Comments.Storage.Notifications;
using Comments.Storage.Reports;
using Comments.Storage.Support;
using Comments.Storage.Users;

namespace Comments.Api.Privacy;

// The export document's items (docs/personal-data.md, "Export"): what the reader wrote and what was decided about it,
// never a moderator's notes or the staff's internal entries. Enums are written by their wire names.

public sealed record ExportedComment(Guid Id, string ArticleId, Guid? ParentId, string AuthorName, string Body, CommentStatus Status, int Revision,
    DateTimeOffset CreatedAt, DateTimeOffset? EditedAt, DateTimeOffset? DeletedAt, DateTimeOffset? ErasedAt,
    List<ExportedRevision> Revisions, List<ExportedDecision> Decisions);

public sealed record ExportedRevision(int Revision, string Body, DateTimeOffset CreatedAt);

/// <summary><see cref="ByModerator"/> instead of the moderator's id: staff ids are not the reader's data.</summary>
public sealed record ExportedDecision(int Revision, DecisionOutcome Outcome, string[] ReasonCodes, bool ByModerator, DateTimeOffset DecidedAt);

public sealed record ExportedReport(Guid CommentId, ReportReason Reason, string? Details, ReportStatus Status, DateTimeOffset CreatedAt);

public sealed record ExportedReaction(Guid CommentId, string Kind, DateTimeOffset CreatedAt);

public sealed record ExportedHelpRequest(string Reference, HelpRequestCategory Category, HelpRequestStatus Status, string Message, string? Email, string? ContactEmail,
    string? ArticleId, Guid? CommentId, string? Page, string? Outcome, DateTimeOffset CreatedAt, List<ExportedThreadEntry> Thread);

/// <summary>Only the entries the reader sees in their thread (replies, escalation, outcome), never notes.</summary>
public sealed record ExportedThreadEntry(HelpRequestEventKind Kind, string? Body, DateTimeOffset At);

public sealed record ExportedNotification(NotificationKind Kind, Guid SubjectId, Guid? CommentId, string? ArticleId, string? ActorName,
    DateTimeOffset CreatedAt, DateTimeOffset? ReadAt, DateTimeOffset? MailedAt);

public sealed record ExportedPreferences(string? Email, bool MailEnabled, MailLanguage Language, DateTimeOffset? LastMailedAt, DateTimeOffset UpdatedAt);

public sealed record ExportedIgnoredReader(string IgnoredId, DateTimeOffset CreatedAt);

public sealed record ExportedStanding(UserStatus Status, DateTimeOffset? SuspendedUntil, string? Reason, DateTimeOffset UpdatedAt);

public sealed record ExportedRefusal(string Reason, string? Detail, DateTimeOffset At);

public sealed record ExportedStatement(string Reference, Restriction Restriction, Guid? CommentId, string[] ReasonCodes, AutomationUse Automation,
    DecisionGround Ground, string? GroundDetail, DateTimeOffset IssuedAt, DateTimeOffset? EndsAt);

public sealed record ExportedComplaint(Guid StatementId, ComplaintOutcome? Outcome, string? OutcomeReason, DateTimeOffset ReceivedAt, DateTimeOffset? DecidedAt);

/// <summary>Notices the reader sent about others' comments, with the name and address they gave.</summary>
public sealed record ExportedNotice(string Reference, Guid CommentId, string Category, string Explanation, string? NotifierName, string? NotifierEmail,
    NoticeOutcome? Outcome, string? OutcomeReason, DateTimeOffset ReceivedAt, DateTimeOffset? DecidedAt);
