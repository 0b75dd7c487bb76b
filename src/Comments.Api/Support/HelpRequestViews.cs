using Comments.Api.Infrastructure;
using Comments.Api.Infrastructure.Validation;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Comments.Storage.Support;

namespace Comments.Api.Support;

public sealed record HelpRequestSubmission(
    [property: MaxLength(254, ErrorMessage = "email is not a valid address.")] string? Email,
    [property: ArticleId] string? ArticleId,
    Guid? CommentId,
    HelpRequestCategory? Category,
    [property: Text(10, 5000)] string? Message,
    string? Page,
    Guid? PreviewId = null);

/// <summary>An anonymous requester's <c>AccessToken</c> is shown here and in the acknowledgement mail, never again.</summary>
public sealed record AcceptedHelpRequest(Guid Id, string Reference, string? AccessToken);

/// <summary>What the reader sees of their request: no internal notes, triage or context.</summary>
public sealed record ReaderHelpRequestView(string Reference, HelpRequestCategory Category, HelpRequestStatus Status, string? Outcome, string? LinkedTo,
    DateTimeOffset CreatedAt, IReadOnlyList<ThreadEntry> Thread);

public sealed record ThreadEntry(DateTimeOffset At, HelpRequestEventKind Kind, string Actor, string? Body, string? Before, string? After, bool VisibleToReader);

/// <summary>What support sees: everything, with the reader's context and the due state.</summary>
public sealed record SupportHelpRequestView(Guid Id, string Reference, string? RequesterId, string? Email, string? ArticleId, Guid? CommentId,
    HelpRequestCategory Category, HelpRequestPriority Priority, HelpRequestStatus Status, bool Triaged, DueState DueState, DateTimeOffset FirstReplyDueAt, string? AssigneeId, bool IsSpam, bool Escalated,
    string? TriageNote, string? Outcome, Guid? DuplicateOfId, string Message, string? UserAgent, string? Page, DateTimeOffset CreatedAt,
    JsonElement? Context, IReadOnlyList<ThreadEntry>? Thread)
{
    /// <summary>Who wrote the named comment (read for one request, not in lists), so support sees whose comment is appealed.</summary>
    public string? CommentAuthorId { get; init; }

    /// <summary>An address a signed-in reader typed that differs from their token's: unverified.</summary>
    public string? ContactEmail { get; init; }

    public static SupportHelpRequestView From(HelpRequest r, DateTimeOffset now, IReadOnlyList<ThreadEntry>? thread = null) => new(
        r.Id, r.Reference, r.RequesterId, r.Email, r.ArticleId, r.CommentId, r.Category, r.Priority, r.Status, r.Triaged, HelpDesk.DueState(r, now),
        r.FirstReplyDueAt, r.AssigneeId, r.IsSpam, r.Escalated, r.TriageNote, r.Outcome, r.DuplicateOfId, r.Message, r.UserAgent, r.Page, r.CreatedAt,
        r.ContextJson is null ? null : JsonDocument.Parse(r.ContextJson).RootElement.Clone(), thread)
    {
        ContactEmail = r.ContactEmail,
    };
}

public sealed record HelpRequestChange(HelpRequestStatus? Status, string? Assignee, HelpRequestPriority? Priority);

public sealed record TextRequest([property: Text(1, 5000)] string? Body);
