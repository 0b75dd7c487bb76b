using Comments.Api.Comments;
using Comments.Storage.Decisions;

namespace Comments.Api.Moderation;

/// <summary>Everything a moderator needs to decide one comment without another click.</summary>
public sealed record QueueItem(
    CommentView Comment,
    string Body,
    long Version,
    string? ClaimedBy,
    DateTimeOffset? ClaimExpiresAt,
    AuthorSummary Author,
    IReadOnlyList<string> ReasonCodes,
    IReadOnlyList<DecisionReason> Reasons,
    IReadOnlyDictionary<string, double> Scores,
    IReadOnlyList<MatchedTerm> Matches,
    IReadOnlyList<ReportSummary> Reports,
    AppealSummary? Appeal,
    EditSinceReview? EditSinceReview);

/// <summary>Set when a reader's appeal (a help request escalated by support) put the comment back in the queue: flag APPEAL.</summary>
public sealed record AppealSummary(string Flag, Guid HelpRequestId, string Reference, string Message);

public sealed record AuthorSummary(string UserId, string Status, DateTimeOffset? SuspendedUntil, int Comments, int Rejected, double RejectionRate, int Notes);

public sealed record ReportSummary(Guid Id, string Reason, string? Details, string ReporterId, double Weight, DateTimeOffset CreatedAt);
