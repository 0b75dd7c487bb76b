using Comments.Storage;
using Comments.Storage.Comments;
using Comments.Storage.Decisions;
using Comments.Storage.Legal;
using Comments.Storage.Reports;
using Comments.Testing;

namespace Comments.Api.Tests;

/// <summary>
/// Records for one site's transparency report, written straight to the tables: notices, statements, complaints and
/// system and moderator decisions in March 2026, and the same kinds of records just outside the month and on another site.
/// </summary>
public sealed class TransparencyTestData(string site, string otherSite)
{
    public const string From = "2026-03-01";
    public const string To = "2026-03-31";
    public const string FormulaCategory = "=HYPERLINK(\"http://attacker.example\",\"open\")";

    public static readonly DateTimeOffset Start = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset End = new(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset T0 = new(2026, 3, 10, 8, 0, 0, TimeSpan.Zero);

    public string Site { get; } = site;
    private readonly CommentsDbContext _db = TestServices.CreateDbContext();

    public static async Task<TransparencyTestData> SeedAsync()
    {
        var data = new TransparencyTestData($"tr-{Guid.NewGuid():N}"[..19], $"tr-other-{Guid.NewGuid():N}"[..25]);
        await using (data._db)
        {
            data.SeedNotices();
            data.SeedStatementsAndComplaints();
            data.SeedDecisions();
            await data._db.SaveChangesAsync();
        }
        return data;
    }

    private void SeedNotices()
    {
        var h = TimeSpan.FromHours(1);
        Notice(Site, "hate_speech", T0, NoticeOutcome.Removed, T0 + 1 * h);
        Notice(Site, "hate_speech", T0, NoticeOutcome.Removed, T0 + 3 * h);
        Notice(Site, "hate_speech", T0, NoticeOutcome.NoAction, T0 + 10 * h, manifestlyUnfounded: true);
        Notice(Site, "defamation", T0, NoticeOutcome.Restricted, T0 + 5 * h);
        Notice(Site, "defamation", T0, null, null);
        // Received in the period, decided after it: open at the period's end.
        Notice(Site, "defamation", new(2026, 3, 31, 20, 0, 0, TimeSpan.Zero), NoticeOutcome.Removed, new(2026, 4, 1, 2, 0, 0, TimeSpan.Zero));
        Notice(Site, FormulaCategory, T0, NoticeOutcome.NoAction, T0 + 2 * h);
        // Outside: the second before the period, its end (excluded), another site.
        Notice(Site, "hate_speech", Start.AddSeconds(-1), NoticeOutcome.Removed, Start.AddHours(1));
        Notice(Site, "hate_speech", End, NoticeOutcome.Removed, End.AddHours(1));
        Notice(otherSite, "hate_speech", T0, NoticeOutcome.Removed, T0 + 7 * h);
    }

    private LegalNotice Notice(string site, string category, DateTimeOffset received, NoticeOutcome? outcome, DateTimeOffset? decided, bool manifestlyUnfounded = false) =>
        _db.LegalNotices.Add(new LegalNotice
        {
            Id = Guid.NewGuid(), Reference = References.New("LN"), SiteId = site, CommentId = Guid.NewGuid(), Category = category,
            Explanation = "Seeded for the transparency report.", GoodFaith = true, ReceivedAt = received, DueAt = received.AddDays(1),
            Outcome = outcome, OutcomeReason = outcome is null ? null : "Seeded.", DecidedBy = outcome is null ? null : "moderator-1", DecidedAt = decided,
            ManifestlyUnfounded = manifestlyUnfounded,
        }).Entity;

    private void SeedStatementsAndComplaints()
    {
        var held = Statement(Site, Restriction.CommentHeld, AutomationUse.Decision, T0, "OFFENSIVE");
        var removed = Statement(Site, Restriction.CommentRemoved, AutomationUse.None, T0, "OFFENSIVE", "THREAT");
        Statement(Site, Restriction.CommentRemoved, AutomationUse.Detection, T0, "SPAM");
        var banned = Statement(Site, Restriction.AccountBanned, AutomationUse.None, T0);
        var suspended = Statement(Site, Restriction.AccountSuspended, AutomationUse.None, T0, "HARASSMENT");
        // Answering a notice: not on the site's own initiative.
        var notice = _db.LegalNotices.Local.First(n => n.SiteId == Site);
        Statement(Site, Restriction.CommentRemoved, AutomationUse.None, T0, "ILLEGAL_CONTENT").NoticeId = notice.Id;
        var after = Statement(Site, Restriction.CommentRemoved, AutomationUse.Decision, End, "OFFENSIVE");
        var elsewhere = Statement(otherSite, Restriction.CommentRemoved, AutomationUse.Decision, T0, "OFFENSIVE");
        Statement(otherSite, Restriction.AccountBanned, AutomationUse.None, T0);

        var day = TimeSpan.FromDays(1);
        Complaint(Site, held, T0 + day, ComplaintOutcome.Reversed, T0 + 3 * day);
        Complaint(Site, removed, T0 + day, ComplaintOutcome.Upheld, T0 + 5 * day);
        Complaint(Site, banned, T0 + day, null, null);
        // Decided after the period: open at its end.
        Complaint(Site, suspended, T0 + day, ComplaintOutcome.Reversed, End.AddDays(1));
        Complaint(Site, after, Start.AddDays(-3), ComplaintOutcome.Reversed, Start.AddDays(-2));
        Complaint(otherSite, elsewhere, T0 + day, ComplaintOutcome.Reversed, T0 + 2 * day);
    }

    private StatementOfReasons Statement(string site, Restriction restriction, AutomationUse automation, DateTimeOffset issued, params string[] reasons) =>
        _db.StatementsOfReasons.Add(new StatementOfReasons
        {
            Id = Guid.NewGuid(), Reference = References.New("SR"), SiteId = site, UserId = TestData.NewUserId(), Restriction = restriction,
            CommentId = restriction.ToString().StartsWith("Comment", StringComparison.Ordinal) ? Guid.NewGuid() : null, ReasonCodes = reasons,
            Automation = automation, Ground = DecisionGround.TermsOfService, DecidedBy = automation == AutomationUse.Decision ? Decision.SystemActor : "moderator-1",
            IssuedAt = issued, EndsAt = restriction == Restriction.AccountSuspended ? issued.AddDays(7) : null,
        }).Entity;

    private void Complaint(string site, StatementOfReasons statement, DateTimeOffset received, ComplaintOutcome? outcome, DateTimeOffset? decided) =>
        _db.Complaints.Add(new Complaint
        {
            Id = Guid.NewGuid(), SiteId = site, UserId = statement.UserId, StatementId = statement.Id, ReceivedAt = received,
            Outcome = outcome, OutcomeReason = outcome is null ? null : "Seeded.", DecidedBy = outcome is null ? null : "moderator-1", DecidedAt = decided,
        });

    /// <summary>Comments the system decided, and what moderators did afterwards (the comment on each line).</summary>
    private void SeedDecisions()
    {
        var h = TimeSpan.FromHours(1);
        var (approved, held, rejected) = (DecisionOutcome.Approved, DecisionOutcome.Held, DecisionOutcome.Rejected);
        Decide(Comment(Site), (held, 0, T0), (rejected, 1, T0 + h));
        Decide(Comment(Site), (held, 0, T0), (approved, 1, T0 + h));
        Decide(Comment(Site), (held, 0, T0));
        var reported = Comment(Site);
        Decide(reported, (approved, 0, T0), (rejected, 1, T0 + 3 * h));
        Report(reported, T0 + 2 * h);
        // A moderator approved, then another rejected: the last word counts.
        Decide(Comment(Site), (approved, 0, T0), (approved, 1, T0 + h), (rejected, 1, T0 + 2 * h));
        Decide(Comment(Site), (approved, 0, T0));
        Decide(Comment(Site), (rejected, 0, T0), (approved, 1, T0 + h));
        // Approved, then edited: the system held revision 2 and a moderator rejected it; revision 1 was never reviewed.
        var edited = Comment(Site, revision: 2);
        Decide(edited, (approved, 0, T0));
        DecideRevision(edited, 2, (held, 0, T0 + h), (rejected, 1, T0 + 2 * h));
        // Held just before the period's end, approved just after it: not reviewed as at the end.
        Decide(Comment(Site), (held, 0, End.AddHours(-1)), (approved, 1, End.AddHours(1)));
        // Outside: the system decided before the period; another site.
        Decide(Comment(Site), (held, 0, Start.AddDays(-1)), (rejected, 1, T0));
        Decide(Comment(otherSite), (held, 0, T0), (approved, 1, T0 + h));
    }

    private Comment Comment(string site, int revision = 1) =>
        _db.Comments.Add(new Comment
        {
            Id = Guid.NewGuid(), SiteId = site, ArticleId = TestData.NewArticleId(), AuthorId = TestData.NewUserId(), AuthorName = "Seeded Reader",
            Body = "Seeded for the transparency report.", Status = CommentStatus.Approved, Revision = revision, CreatedAt = T0.AddMinutes(-1), UpdatedAt = T0,
        }).Entity;

    /// <summary>Decisions on revision 1: the system's (actor 0) and moderators' (actor 1).</summary>
    private void Decide(Comment comment, params (DecisionOutcome Outcome, int Actor, DateTimeOffset At)[] decisions) => DecideRevision(comment, 1, decisions);

    private void DecideRevision(Comment comment, int revision, params (DecisionOutcome Outcome, int Actor, DateTimeOffset At)[] decisions)
    {
        foreach (var (outcome, actor, at) in decisions)
        {
            _db.Decisions.Add(new Decision
            {
                Id = Guid.NewGuid(), CommentId = comment.Id, Revision = revision, Outcome = outcome, ReasonCodes = outcome == DecisionOutcome.Approved ? [] : ["OFFENSIVE"],
                Actor = actor == 0 ? Decision.SystemActor : "moderator-1", DecidedAt = at,
            });
        }
    }

    private void Report(Comment comment, DateTimeOffset at) =>
        _db.Reports.Add(new Report { Id = Guid.NewGuid(), CommentId = comment.Id, ReporterId = TestData.NewUserId(), Reason = ReportReason.Offensive, Weight = 1, CreatedAt = at });
}
