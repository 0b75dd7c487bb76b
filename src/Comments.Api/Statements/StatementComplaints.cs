using Comments.Api.Infrastructure;
using Comments.Api.Observability;
using Comments.Moderation.Language;
using Comments.Storage;
using Comments.Storage.Audit;
using Comments.Storage.Comments;
using Comments.Storage.Comments.Lifecycle;
using Comments.Storage.Legal;
using Comments.Storage.Support;
using Comments.Storage.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Comments.Api.Statements;

/// <summary>Why a complaint was not taken.</summary>
public enum ComplaintRefusal
{
    NotFound,
    Late,
    Twice,
    Undone,
    Deleted,
    AppealOpen,
}

/// <summary>The complaint filed, or why not.</summary>
public sealed record ComplaintFiling(Complaint? Complaint, HelpRequest? Request, ComplaintRefusal? Refusal, DateTimeOffset Until = default);

/// <summary>
/// An author complains about a statement of reasons (Digital Services Act article 20) through the help desk's appeal
/// path: one help request naming the statement, already escalated, so that the comment waits in the moderators' queue
/// (or the account's appeal on its moderation page) and a person decides; <see cref="Support.AppealOutcomes"/> records
/// the outcome. Within six months, once per statement, and only while the restriction stands.
/// </summary>
public sealed class StatementComplaints(CommentsDbContext db, TimeProvider clock, IOptions<CommentOptions> options, IStringLocalizer<ReaderText> text, ComplaintMetrics metrics)
{
    public async Task<ComplaintFiling> FileAsync(Guid statementId, string userId, string? email, string message, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var statement = await db.StatementsOfReasons.AsNoTracking()
            .FirstOrDefaultAsync(s => s.Id == statementId && s.UserId == userId && s.SiteId == options.Value.SiteId, cancellationToken);
        if (statement is null)
        {
            return Refused(ComplaintRefusal.NotFound);
        }
        var until = StatementWrites.ComplaintsUntil(statement);
        if (now > until)
        {
            return Refused(ComplaintRefusal.Late, until);
        }
        if (await db.Complaints.AnyAsync(c => c.StatementId == statementId, cancellationToken))
        {
            return Refused(ComplaintRefusal.Twice);
        }
        var request = NewRequest(statement, userId, email, message, now);
        if (statement.CommentId is { } commentId)
        {
            var comment = await db.Comments.LockAsync(commentId, cancellationToken);
            if (comment is null || comment.DeletedAt is not null) return Refused(ComplaintRefusal.Deleted);
            if (comment.AppealHelpRequestId is not null) return Refused(ComplaintRefusal.AppealOpen);
            // Published again, or edited and waiting for a new decision: the restriction no longer stands.
            if (comment.IsPublic || !CommentLifecycle.IsAllowed(comment, LifecycleActor.Support, CommentAction.Appeal)) return Refused(ComplaintRefusal.Undone);
            comment.AppealHelpRequestId = request.Id;
            await db.ChangeAsync(comment, new CommentChange(LifecycleActor.Support, userId, CommentAction.Appeal, now)
            {
                Audit = new { Flag = "APPEAL", HelpRequest = request.Reference, Statement = statement.Reference },
            }, cancellationToken);
        }
        else
        {
            var standing = await db.UserStandings.AsNoTracking().FirstOrDefaultAsync(s => s.UserId == userId, cancellationToken);
            if (standing is null || standing.Status == UserStatus.Active) return Refused(ComplaintRefusal.Undone);
            db.Audit(userId, "appeal", "user", userId, now, null, new { HelpRequest = request.Reference, Statement = statement.Reference });
        }
        db.HelpRequests.Add(request);
        db.HelpRequestEvents.Add(HelpRequestEvent.Create(request.Id, HelpRequestEventKind.Escalation, userId, now, visibleToReader: true,
            body: text.Say(ReaderKeys.ComplaintReceived, ("reference", statement.Reference))));
        var complaint = db.Complaints.Add(new Complaint
        {
            Id = Guid.CreateVersion7(now), SiteId = statement.SiteId, UserId = userId, StatementId = statement.Id, HelpRequestId = request.Id, ReceivedAt = now,
        }).Entity;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            // Two complaints about one statement at the same moment: the other was first.
            return Refused(ComplaintRefusal.Twice);
        }
        await transaction.CommitAsync(cancellationToken);
        metrics.Received();
        return new ComplaintFiling(complaint, request, null);
    }

    private static ComplaintFiling Refused(ComplaintRefusal refusal, DateTimeOffset until = default) => new(null, null, refusal, until);

    /// <summary>Triaged and escalated already: the category follows the restriction, the message names the statement.</summary>
    private static HelpRequest NewRequest(StatementOfReasons statement, string userId, string? email, string message, DateTimeOffset now)
    {
        const HelpRequestPriority priority = HelpRequestPriority.High;
        return new HelpRequest
        {
            Id = Guid.CreateVersion7(now), Reference = HelpDesk.NewReference(), RequesterId = userId, Email = email, CommentId = statement.CommentId,
            Category = statement.CommentId is null ? HelpRequestCategory.BannedOrSuspended : HelpRequestCategory.CommentRemoved, CategoryGiven = true,
            Priority = priority, Status = HelpRequestStatus.Open, Message = $"{statement.Reference}: {message}", Triaged = true,
            TriageNote = $"Complaint against statement of reasons {statement.Reference} (DSA article 20): a person decides it.", Escalated = true,
            CreatedAt = now, UpdatedAt = now, FirstReplyDueAt = now + HelpDesk.FirstReplyWithin(priority),
        };
    }
}
