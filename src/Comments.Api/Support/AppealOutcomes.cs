using System.Globalization;
using Comments.Moderation.Language;
using Comments.Moderation.Notifications;
using Comments.Storage;
using Comments.Storage.Comments;
using Comments.Storage.Legal;
using Comments.Storage.Notifications;
using Comments.Storage.Support;
using Comments.Storage.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Comments.Api.Support;

/// <summary>
/// Writes a moderator's answer to an appeal back to the help request, where the reader sees it (in the language of
/// their mail settings, English without), and to the complaint the appeal carried, if any (Digital Services Act
/// article 20): its outcome, reason and decider, and a notification for the author. Answers the complaints decided.
/// </summary>
public static class AppealOutcomes
{
    public static async Task<IReadOnlyList<Complaint>> RecordForCommentAsync(CommentsDbContext db, IStringLocalizer<ReaderText> text, Comment comment, string moderator,
        string? explanation, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (comment.AppealHelpRequestId is not { } requestId)
        {
            return [];
        }
        var published = comment.Status == CommentStatus.Approved;
        var outcome = await SayAsync(db, text, comment.SiteId, comment.AuthorId, t => published ? t[ReaderKeys.AppealPublished]
            : string.IsNullOrWhiteSpace(explanation) ? t[ReaderKeys.AppealStands] : t.Say(ReaderKeys.AppealStandsBecause, ("explanation", explanation)), cancellationToken);
        comment.AppealHelpRequestId = null;
        var resolved = await ResolveAsync(db, db.HelpRequests.Where(r => r.Id == requestId), moderator, outcome, now, cancellationToken);
        return await DecideComplaintsAsync(db, resolved, published ? ComplaintOutcome.Reversed : ComplaintOutcome.Upheld, explanation, moderator, now, cancellationToken);
    }

    public static async Task<IReadOnlyList<Complaint>> RecordForUserAsync(CommentsDbContext db, IStringLocalizer<ReaderText> text, string siteId, string userId, UserAction action,
        DateTimeOffset? until, string? reason, string moderator, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = action switch
        {
            UserAction.Restore => ReaderKeys.AppealRestored,
            UserAction.Suspend => ReaderKeys.AppealSuspended,
            UserAction.Ban => ReaderKeys.AppealBanStands,
            UserAction.Premod => ReaderKeys.AppealPremoderated,
            _ => null,
        };
        if (key is null)
        {
            return [];
        }
        var outcome = await SayAsync(db, text, siteId, userId,
            t => t.Say(key, ("until", until?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))), cancellationToken);
        var resolved = await ResolveAsync(db, db.HelpRequests.Where(r => r.RequesterId == userId && r.CommentId == null && r.Escalated && r.Outcome == null),
            moderator, outcome, now, cancellationToken);
        return await DecideComplaintsAsync(db, resolved, action == UserAction.Restore ? ComplaintOutcome.Reversed : ComplaintOutcome.Upheld, reason, moderator, now,
            cancellationToken);
    }

    /// <summary>The sentence in the reader's mail language: the moderator's request language is not theirs.</summary>
    private static async Task<string> SayAsync(CommentsDbContext db, IStringLocalizer<ReaderText> text, string siteId, string userId, Func<IStringLocalizer, string> sentence,
        CancellationToken cancellationToken)
    {
        var language = await db.ReaderPreferences.AsNoTracking().Where(p => p.SiteId == siteId && p.UserId == userId).Select(p => (MailLanguage?)p.Language)
            .FirstOrDefaultAsync(cancellationToken);
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = NotificationText.CultureOf(language ?? MailLanguage.En);
        try
        {
            return sentence(text);
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }

    private static async Task<List<Guid>> ResolveAsync(CommentsDbContext db, IQueryable<HelpRequest> requests, string moderator, string outcome, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var resolved = await requests.ToListAsync(cancellationToken);
        foreach (var request in resolved)
        {
            request.Outcome = outcome;
            request.Status = HelpRequestStatus.Resolved;
            request.UpdatedAt = now;
            db.HelpRequestEvents.Add(HelpRequestEvent.Create(request.Id, HelpRequestEventKind.Outcome, moderator, now, visibleToReader: true, body: outcome));
        }
        return [.. resolved.Select(r => r.Id)];
    }

    /// <summary>Each complaint is decided once: a later action on the same request finds it decided.</summary>
    private static async Task<IReadOnlyList<Complaint>> DecideComplaintsAsync(CommentsDbContext db, List<Guid> requestIds, ComplaintOutcome outcome, string? reason,
        string moderator, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (requestIds.Count == 0)
        {
            return [];
        }
        var complaints = await db.Complaints.Where(c => c.HelpRequestId != null && requestIds.Contains(c.HelpRequestId.Value) && c.Outcome == null).ToListAsync(cancellationToken);
        foreach (var complaint in complaints)
        {
            (complaint.Outcome, complaint.OutcomeReason, complaint.DecidedBy, complaint.DecidedAt) =
                (outcome, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), moderator, now);
            db.Notifications.Add(new Notification
            {
                Id = Guid.CreateVersion7(now), SiteId = complaint.SiteId, UserId = complaint.UserId, Kind = NotificationKind.ComplaintDecided, SubjectId = complaint.Id,
                HelpRequestId = complaint.HelpRequestId, CreatedAt = now,
            });
        }
        return complaints;
    }
}
