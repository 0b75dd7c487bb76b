using Comments.Api.Events;
using Comments.Api.Moderation;
using Comments.Api.Support;
using Comments.Moderation.Language;
using Comments.Moderation.Reasons;
using Comments.Storage;
using Comments.Storage.Audit;
using Comments.Storage.Comments;
using Comments.Storage.Comments.Lifecycle;
using Comments.Storage.Decisions;
using Comments.Storage.Legal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Comments.Api.Legal;

/// <summary>
/// A moderator decides a notice: remove or restrict (a moderator's rejection, reason ILLEGAL_CONTENT, with the author's
/// statement of reasons) or no action; the reason goes to each notifier. The comment's row is locked first, so two
/// moderators deciding notices about one comment take turns (docs/compliance.md, article 16).
/// </summary>
public sealed class NoticeDecisions(CommentsDbContext db, EventPublisher events, IMailSender mail, TimeProvider clock, IStringLocalizer<ReaderText> text)
{
    public async Task<NoticeActionResult<NoticeDecisionView>> DecideAsync(Guid noticeId, string siteId, NoticeDecisionRequest request, string moderator,
        CancellationToken cancellationToken)
    {
        if (!WireNames<NoticeOutcome>.TryParse(request.Outcome, out var outcome))
        {
            return NoticeActionResult<NoticeDecisionView>.Invalid("outcome", $"outcome must be {WireNames<NoticeOutcome>.OneOf}.");
        }
        if (request.ManifestlyUnfounded && outcome != NoticeOutcome.NoAction)
        {
            return NoticeActionResult<NoticeDecisionView>.Invalid("manifestlyUnfounded", "only a notice decided with no_action can be manifestly unfounded.");
        }
        var commentId = await db.LegalNotices.Where(n => n.Id == noticeId && n.SiteId == siteId).Select(n => (Guid?)n.CommentId).FirstOrDefaultAsync(cancellationToken);
        if (commentId is null)
        {
            return NoticeActionResult<NoticeDecisionView>.Failed(StatusCodes.Status404NotFound, "No such notice.");
        }
        var now = clock.GetUtcNow();
        var reason = request.Reason!.Trim();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var comment = await db.Comments.LockAsync(commentId.Value, cancellationToken);
        var notices = await db.LegalNotices
            .FromSql($"select * from legal_notices where comment_id = {commentId.Value} and site_id = {siteId} and (id = {noticeId} or ({request.AlsoDecideOthers} and outcome is null)) order by id for update")
            .ToListAsync(cancellationToken);
        var notice = notices.Single(n => n.Id == noticeId);
        if (notice.Outcome is not null)
        {
            return NoticeActionResult<NoticeDecisionView>.Failed(StatusCodes.Status409Conflict, $"Already decided ({notice.Outcome.Value.WireName()}) by {notice.DecidedBy}.");
        }
        CommentTransition? transition = null;
        // Already rejected (by an earlier notice or a moderator): only this notice's outcome is recorded, no second decision or statement.
        if (outcome != NoticeOutcome.NoAction && !(comment is not null && CommentLifecycle.StateOf(comment) == CommentState.Rejected))
        {
            if (Refusal(comment) is { } refusal)
            {
                return NoticeActionResult<NoticeDecisionView>.Failed(StatusCodes.Status409Conflict, refusal);
            }
            transition = await RestrictAsync(comment!, notice, outcome, reason, moderator, now, cancellationToken);
        }
        foreach (var decided in notices)
        {
            decided.Outcome = outcome;
            decided.OutcomeReason = reason;
            decided.DecidedBy = moderator;
            decided.DecidedAt = now;
            decided.ManifestlyUnfounded = decided == notice && request.ManifestlyUnfounded;
            db.Audit(moderator, "decide_notice", "legal_notice", decided.Id.ToString(), now, new { Outcome = (string?)null },
                new { decided.Reference, Outcome = outcome.WireName(), Reason = reason, decided.ManifestlyUnfounded, With = decided == notice ? null : notice.Reference });
            await NoticeMail.OutcomeAsync(mail, text, decided, cancellationToken);
        }
        if (request.ManifestlyUnfounded)
        {
            await NoticeMail.UnfoundedWarningAsync(mail, text, notice, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (transition is not null)
        {
            await events.PublishAsync(transition);
        }
        return NoticeActionResult<NoticeDecisionView>.Done(new NoticeDecisionView(
            notice.Reference, outcome.WireName(), reason, request.ManifestlyUnfounded, [.. notices.Where(n => n != notice).Select(n => n.Reference)],
            transition?.Decision?.Id, transition?.To.WireName()));
    }

    /// <summary>
    /// Why the comment cannot be rejected now, in words for the moderator. An open appeal is refused rather than
    /// resolved here: the appeal is the author's complaint and needs its own answer in the moderation queue.
    /// </summary>
    private static string? Refusal(Comment? comment) => comment switch
    {
        null => "The comment no longer exists (it was erased): decide no action and say so.",
        { AppealHelpRequestId: not null } => "The comment has an open appeal: decide the appeal in the moderation queue first, then this notice.",
        _ when CommentLifecycle.IsAllowed(comment, LifecycleActor.Moderator, CommentAction.Reject) => null,
        _ => CommentLifecycle.StateOf(comment) switch
        {
            CommentState.Deleted => "The author deleted this comment: decide no action and say so.",
            var state => $"A moderator cannot reject a comment that is {state.WireName()}: decide no action and say so.",
        },
    };

    /// <summary>The comment leaves the public view as a moderator's rejection; the author gets a statement of reasons naming the notice.</summary>
    private async Task<CommentTransition> RestrictAsync(Comment comment, LegalNotice notice, NoticeOutcome outcome, string reason, string moderator,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var transition = await db.ChangeAsync(comment, new CommentChange(LifecycleActor.Moderator, moderator, CommentAction.Reject, now)
        {
            ReasonCodes = [ReasonCodes.IllegalContent],
            Details = new DecisionDetails { Note = $"{notice.Reference} ({notice.Category}, {outcome.WireName()}): {reason}" },
            Audit = new { Notice = notice.Reference, notice.Category, Outcome = outcome.WireName() },
        }, cancellationToken);
        await ReportClosing.CloseAsync(db, comment, upheld: true, now, cancellationToken);
        db.StatementsOfReasons.Add(new StatementOfReasons
        {
            Id = Guid.CreateVersion7(now),
            Reference = References.New("SR"),
            SiteId = comment.SiteId,
            UserId = comment.AuthorId,
            Restriction = outcome == NoticeOutcome.Removed ? Restriction.CommentRemoved : Restriction.CommentRestricted,
            CommentId = comment.Id,
            DecisionId = transition.Decision!.Id,
            NoticeId = notice.Id,
            ReasonCodes = [ReasonCodes.IllegalContent],
            Automation = AutomationUse.None,
            Ground = DecisionGround.IllegalContent,
            GroundDetail = notice.Category,
            DecidedBy = moderator,
            IssuedAt = now,
        });
        return transition;
    }
}

public sealed record NoticeDecisionRequest(
    string? Outcome,
    [property: Infrastructure.Validation.Text(1, 2_000)] string? Reason,
    bool ManifestlyUnfounded = false,
    bool AlsoDecideOthers = false);

public sealed record NoticeDecisionView(string Reference, string Outcome, string Reason, bool ManifestlyUnfounded, IReadOnlyList<string> AlsoDecided,
    Guid? DecisionId, string? CommentState);
