using Comments.Moderation.Reasons;
using Comments.Storage;
using Comments.Storage.Decisions;
using Comments.Storage.Legal;
using Comments.Storage.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Comments.Moderation.Notifications;

/// <summary>
/// A notification with what its sentence needs that it does not store: the decision (its outcome, reason code and a
/// moderator's own explanation), a help request's reference. Loaded for a page (the API) or a digest (the worker)
/// with one query per kind.
/// </summary>
public sealed record NotificationFacts(Notification Notification, Decision? Decision = null, string? ReasonCode = null, string? Reference = null,
    ComplaintOutcome? ComplaintOutcome = null)
{
    public static async Task<IReadOnlyList<NotificationFacts>> LoadAsync(CommentsDbContext db, IReadOnlyList<Notification> notifications, CancellationToken cancellationToken)
    {
        var decisionIds = notifications.Where(n => n.Kind == NotificationKind.Decided).Select(n => n.SubjectId).ToList();
        var decisions = decisionIds.Count == 0 ? [] : await db.Decisions.AsNoTracking().Where(d => decisionIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, cancellationToken);
        var requestIds = notifications.Where(n => n.HelpRequestId is not null).Select(n => n.HelpRequestId!.Value).ToList();
        var references = requestIds.Count == 0 ? [] : await db.HelpRequests.AsNoTracking().Where(r => requestIds.Contains(r.Id))
            .ToDictionaryAsync(r => r.Id, r => r.Reference, cancellationToken);
        var legal = await LegalFacts.LoadAsync(db, notifications, cancellationToken);
        return [.. notifications.Select(n => n.Kind switch
        {
            NotificationKind.Statement or NotificationKind.ComplaintDecided when legal.GetValueOrDefault(n.SubjectId) is { } fact =>
                new NotificationFacts(n, Reference: fact.Reference, ComplaintOutcome: fact.Outcome),
            NotificationKind.Decided when decisions.GetValueOrDefault(n.SubjectId) is { } decision => WithDecision(n, decision),
            NotificationKind.SupportReply => new NotificationFacts(n, Reference: references.GetValueOrDefault(n.HelpRequestId ?? Guid.Empty)),
            _ => new NotificationFacts(n),
        })];
    }

    public DecisionOutcome? Outcome => Decision?.Outcome;

    private static NotificationFacts WithDecision(Notification n, Decision decision) =>
        new(n, decision, decision.Outcome == DecisionOutcome.Approved ? null : decision.ReasonCodes.FirstOrDefault(c => c != ReasonCodes.Staff));
}
