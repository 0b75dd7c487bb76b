using System.Globalization;
using Comments.Api.Comments;
using Comments.Moderation.Language;
using Comments.Moderation.Reasons;
using Comments.Storage;
using Comments.Storage.Legal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Comments.Api.Statements;

/// <summary>Statements in the reader's words, in the request's language: one query each for their decisions and their complaints.</summary>
public static class StatementViews
{
    public static async Task<List<StatementView>> ForAsync(IStringLocalizer<ReaderText> text, CommentsDbContext db, IReadOnlyList<StatementOfReasons> statements,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var decisionIds = statements.Where(s => s.DecisionId is not null).Select(s => s.DecisionId!.Value).ToList();
        var decisions = decisionIds.Count == 0 ? [] : await db.Decisions.AsNoTracking().Where(d => decisionIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, cancellationToken);
        var ids = statements.Select(s => s.Id).ToList();
        var complaints = await (from c in db.Complaints.AsNoTracking()
                                join r in db.HelpRequests.AsNoTracking() on c.HelpRequestId equals r.Id
                                where ids.Contains(c.StatementId)
                                select new { Complaint = c, r.Reference }).ToDictionaryAsync(c => c.Complaint.StatementId, cancellationToken);
        var categoryLabel = await Legal.NoticeCategories.LabelsAsync(db, text,
            [.. statements.Where(s => s.Ground == DecisionGround.IllegalContent).Select(s => s.SiteId).Distinct()], cancellationToken);
        return [.. statements.Select(s =>
        {
            var facts = s.DecisionId is { } d && decisions.GetValueOrDefault(d) is { } decision
                ? ReaderReason.Facts(text, decision)
                : [.. s.ReasonCodes.Select(code => new ReaderReason(code, s.DecidedBy == Storage.Decisions.Decision.SystemActor
                    ? ReaderMessages.Explain(text, code) : text[ReaderMessages.ModeratorKey(code)]))];
            var complaint = complaints.GetValueOrDefault(s.Id);
            return View(text, s, facts, complaint is null ? null : ComplaintView(text, complaint.Complaint, complaint.Reference), categoryLabel, now);
        })];
    }

    private static StatementView View(IStringLocalizer text, StatementOfReasons s, IReadOnlyList<ReaderReason> facts, StatementComplaintView? complaint,
        Func<string, string, string> categoryLabel, DateTimeOffset now)
    {
        var until = StatementWrites.ComplaintsUntil(s);
        var open = now <= until;
        return new StatementView(s.Id, s.Reference, s.Restriction, Summary(text, s), s.CommentId, facts, s.Automation, text[s.Automation switch
            {
                AutomationUse.Decision => ReaderKeys.StatementAutomationDecision,
                AutomationUse.Detection => ReaderKeys.StatementAutomationDetection,
                _ => ReaderKeys.StatementAutomationNone,
            }], s.Ground, s.GroundDetail, s.Ground == DecisionGround.IllegalContent
                ? text.Say(ReaderKeys.StatementGroundIllegal, ("category", s.GroundDetail is { } code ? categoryLabel(s.SiteId, code) : ""))
                : text[ReaderKeys.StatementGroundTerms],
            s.IssuedAt, s.EndsAt, until, open ? text.Say(ReaderKeys.StatementRedress, ("until", Format(until))) : text[ReaderKeys.StatementRedressClosed],
            open && complaint is null, complaint);
    }

    private static string Summary(IStringLocalizer text, StatementOfReasons s) => s.Restriction switch
    {
        Restriction.CommentRemoved => text[ReaderKeys.StatementCommentRemoved],
        Restriction.CommentHeld => text[ReaderKeys.StatementCommentHeld],
        Restriction.CommentRestricted => text[ReaderKeys.StatementCommentRestricted],
        Restriction.AccountSuspended => text.Say(ReaderKeys.StatementAccountSuspended, ("until", s.EndsAt is { } end ? Format(end) : "")),
        Restriction.AccountBanned => text[ReaderKeys.StatementAccountBanned],
        _ => text[ReaderKeys.StatementAccountPremoderated],
    };

    private static StatementComplaintView ComplaintView(IStringLocalizer text, Complaint c, string reference) => new(c.HelpRequestId!.Value, reference, c.ReceivedAt,
        c.Outcome, c.OutcomeReason, c.DecidedAt, c.Outcome switch
        {
            ComplaintOutcome.Reversed => text[ReaderKeys.ComplaintReversed],
            ComplaintOutcome.Upheld => text[ReaderKeys.ComplaintUpheld],
            _ => text.Say(ReaderKeys.ComplaintOpen, ("reference", reference)),
        });

    /// <summary>Dates in sentences take the one form readers are shown everywhere.</summary>
    public static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
