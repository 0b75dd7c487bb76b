using Comments.Api.Events;
using Comments.Api.Observability;
using Comments.Api.Support;
using Comments.Contracts;
using Comments.Moderation.Language;
using Comments.Moderation.Reasons;
using Comments.Storage;
using Comments.Storage.Audit;
using Comments.Storage.Comments;
using Comments.Storage.Comments.Lifecycle;
using Comments.Storage.Decisions;
using Comments.Storage.Legal;
using Comments.Storage.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Comments.Api.Moderation;

/// <summary>
/// A moderator approves or rejects a comment. Optimistic concurrency on the comment's version: of two moderators
/// deciding at once exactly one wins, the other gets 409 with the winning decision. Reports are closed (upheld by a
/// rejection, dismissed by an approval) and their reporters' weights adjusted; everything is audited.
/// </summary>
public sealed class ModeratorDecisions(CommentsDbContext db, EventPublisher events, TimeProvider clock, ComplaintMetrics metrics, IStringLocalizer<ReaderText> text)
{
    public async Task<DecisionOutcomeResult> DecideAsync(Guid id, DecisionRequest request, uint? version, string moderator, CancellationToken cancellationToken)
    {
        if (Validate(request, version) is { } invalid)
        {
            return DecisionOutcomeResult.Failed(id, StatusCodes.Status400BadRequest, invalid);
        }
        db.ChangeTracker.Clear();
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var comment = await db.Comments.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (comment is null)
        {
            return DecisionOutcomeResult.Failed(id, StatusCodes.Status404NotFound, "No such comment.");
        }
        if (Claims.HeldByOther(comment, moderator, now))
        {
            return DecisionOutcomeResult.Failed(id, StatusCodes.Status409Conflict, $"Claimed by {comment.ClaimedBy} until {comment.ClaimExpiresAt:O}.");
        }
        var action = WireNames<DecisionAction>.Parse(request.Action!) == DecisionAction.Approve ? CommentAction.Approve : CommentAction.Reject;
        if (!CommentLifecycle.IsAllowed(comment, LifecycleActor.Moderator, action))
        {
            return DecisionOutcomeResult.Failed(id, StatusCodes.Status409Conflict, "The author deleted this comment.");
        }
        db.Entry(comment).Property(c => c.Version).OriginalValue = version!.Value;
        var automation = await AutomationOfAsync(comment, cancellationToken);
        var complainedOf = comment.AppealHelpRequestId is { } appeal
            ? await (from c in db.Complaints join s in db.StatementsOfReasons on c.StatementId equals s.Id where c.HelpRequestId == appeal select (Restriction?)s.Restriction)
                .FirstOrDefaultAsync(cancellationToken)
            : null;

        var transition = await db.ChangeAsync(comment, new CommentChange(LifecycleActor.Moderator, moderator, action, now)
        {
            ReasonCodes = request.Reason is null ? [] : [request.Reason],
            Details = new DecisionDetails { Note = request.Note, Explanation = request.Explanation },
            Audit = new { request.Note, request.Explanation, comment.OpenReportCount },
        }, cancellationToken);
        if (!(complainedOf == Restriction.CommentRemoved && action == CommentAction.Reject))
        {
            // Upholding a removal complained of is the complaint's outcome, told to the author, not a new removal to complain about.
            db.AddFor(transition, automation);
        }
        await ReportClosing.CloseAsync(db, comment, upheld: action == CommentAction.Reject, now, cancellationToken);
        var complaints = await AppealOutcomes.RecordForCommentAsync(db, text, comment, moderator, request.Explanation, now, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            var winner = await db.Decisions.AsNoTracking().Where(d => d.CommentId == id).OrderByDescending(d => d.DecidedAt).FirstOrDefaultAsync(cancellationToken);
            return DecisionOutcomeResult.Conflict(id, winner is null ? null : DecisionView.From(winner));
        }
        await transaction.CommitAsync(cancellationToken);

        metrics.Decided(complaints);
        await events.PublishAsync(transition);
        var decision = transition.Decision!;
        return DecisionOutcomeResult.Decided(id, DecisionView.From(decision), comment.Version);
    }

    /// <summary>Detection when the pipeline held this revision for a moderator; None when readers' reports or an appeal brought it.</summary>
    private async Task<AutomationUse> AutomationOfAsync(Comment comment, CancellationToken cancellationToken) =>
        comment.Status == CommentStatus.Held && comment.AppealHelpRequestId is null
            && await db.Decisions.Where(d => d.CommentId == comment.Id && d.Revision == comment.Revision).OrderByDescending(d => d.DecidedAt)
                .Select(d => d.Actor).FirstOrDefaultAsync(cancellationToken) == Decision.SystemActor
            ? AutomationUse.Detection
            : AutomationUse.None;

    private static string? Validate(DecisionRequest request, uint? version)
    {
        if (!WireNames<DecisionAction>.TryParse(request.Action, out var action)) return $"action must be {WireNames<DecisionAction>.OneOf}.";
        if (action == DecisionAction.Reject && request.Reason is null) return "reason is required to reject.";
        if (request.Reason is not null && !ReaderMessages.ModeratorCodes.Contains(request.Reason)) return $"reason must be one of {string.Join(", ", ReaderMessages.ModeratorCodes)}.";
        if (request.Note is { Length: > 2000 }) return "note must be at most 2000 characters.";
        if (request.Explanation is { Length: > 1000 }) return "explanation must be at most 1000 characters.";
        if (version is null) return "the comment's version is required (If-Match header or version in the body).";
        return null;
    }
}

public sealed record DecisionRequest(string? Action, string? Reason, string? Note, string? Explanation, uint? Version, Guid? CommentId = null);

public sealed record DecisionView(Guid Id, Guid CommentId, int Revision, string Outcome, IReadOnlyList<string> ReasonCodes, string Actor,
    DateTimeOffset DecidedAt, string? Note, string? Explanation)
{
    public static DecisionView From(Decision d) => new(d.Id, d.CommentId, d.Revision, d.Outcome.WireName(), d.ReasonCodes,
        d.Actor, d.DecidedAt, d.Details.Note, d.Details.Explanation);
}

public sealed record DecisionOutcomeResult(Guid CommentId, int Status, string? Error, DecisionView? Decision, uint? Version)
{
    public static DecisionOutcomeResult Decided(Guid id, DecisionView decision, uint version) => new(id, StatusCodes.Status200OK, null, decision, version);
    public static DecisionOutcomeResult Conflict(Guid id, DecisionView? winner) =>
        new(id, StatusCodes.Status409Conflict, "Another moderator decided this comment first.", winner, null);
    public static DecisionOutcomeResult Failed(Guid id, int status, string error) => new(id, status, error, null, null);
}
