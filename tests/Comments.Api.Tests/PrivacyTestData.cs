using Comments.Moderation.Notifications;
using Comments.Storage;
using Comments.Storage.Audit;
using Comments.Storage.Comments;
using Comments.Storage.Decisions;
using Comments.Storage.Legal;
using Comments.Storage.Moderation;
using Comments.Storage.Notifications;
using Comments.Storage.Reactions;
using Comments.Storage.Reports;
using Comments.Storage.Sites;
using Comments.Storage.Support;
using Comments.Storage.Users;
using Comments.Testing;

namespace Comments.Api.Tests;

/// <summary>
/// A reader with something in every table that can hold their data, each text carrying <see cref="Marker"/> so that a
/// search of the whole database finds every copy. Written directly, as the flows that write them are tested elsewhere.
/// </summary>
public sealed class PrivacyReader
{
    public string UserId { get; } = TestData.NewUserId("privacy");
    public string Marker { get; } = $"zq{Guid.NewGuid():N}"[..18];
    public string Name => $"Reader {Marker}";
    public string Email => $"{Marker}@example.org";
    public string ArticleId { get; } = TestData.NewArticleId();
    public Guid Lonely { get; } = Guid.CreateVersion7();
    public Guid Answered { get; } = Guid.CreateVersion7();
    public Guid ReplyToOther { get; } = Guid.CreateVersion7();
    public Guid OthersComment { get; } = Guid.CreateVersion7();
    public Guid OthersReply { get; } = Guid.CreateVersion7();
    public string HelpReference { get; } = HelpDesk.NewReference();
    public string OtherUserId { get; } = TestData.NewUserId("other");

    /// <summary>A digest's unsubscribe link as NotificationDigest writes it: its token names the site and reader it was made for.</summary>
    public static string UnsubscribeUrl(string siteId, string userId) =>
        $"https://news.example/api/unsubscribe?token={Uri.EscapeDataString(UnsubscribeToken.Create(siteId, userId, DateTimeOffset.UtcNow.AddDays(30), "test-unsubscribe-key"))}";

    public async Task SeedAsync(string siteId = SiteSettings.DefaultSiteId)
    {
        var at = DateTimeOffset.UtcNow.AddMinutes(-30);
        await using var db = TestServices.CreateDbContext();
        Comment Make(Guid id, string author, string name, string body, Guid? parent = null, int replies = 0) => new()
        {
            Id = id, SiteId = siteId, ArticleId = ArticleId, AuthorId = author, AuthorName = name, Body = body, Status = CommentStatus.Approved,
            ParentId = parent, Depth = parent is null ? 0 : 1, ReplyCount = replies, CreatedAt = at, UpdatedAt = at,
        };
        db.Comments.AddRange(
            Make(Lonely, UserId, Name, $"{Marker} lonely words, revised"),
            Make(Answered, UserId, Name, $"{Marker} answered words", replies: 1),
            Make(OthersReply, OtherUserId, "Other", "A reply to an answered comment.", Answered),
            Make(OthersComment, OtherUserId, "Other", "Someone else's comment.", replies: 1),
            Make(ReplyToOther, UserId, Name, $"{Marker} reply words", OthersComment));
        db.CommentRevisions.AddRange(
            new CommentRevision { CommentId = Lonely, Revision = 1, Body = $"{Marker} lonely words", CreatedAt = at },
            new CommentRevision { CommentId = Lonely, Revision = 2, Body = $"{Marker} lonely words, revised", CreatedAt = at });
        var decision = new Decision
        {
            Id = Guid.CreateVersion7(), CommentId = Lonely, Revision = 2, Outcome = DecisionOutcome.Held, ReasonCodes = ["SUSPECT_WORD"], Actor = Decision.SystemActor, DecidedAt = at,
            Details = new DecisionDetails { Matches = [new MatchedTerm("lonely", "suspect", 0, 6, $"{Marker} lonely")], Reasons = [new("SUSPECT_WORD", "words", $"{Marker} lonely")] },
        };
        db.Decisions.Add(decision);
        db.Reports.Add(new Report { Id = Guid.CreateVersion7(), CommentId = OthersComment, ReporterId = UserId, Reason = ReportReason.Other, Details = $"{Marker} report details", CreatedAt = at });
        db.Reactions.Add(new Reaction { CommentId = OthersComment, UserId = UserId, Kind = Reaction.Respect, CreatedAt = at });
        var help = new HelpRequest
        {
            Id = Guid.CreateVersion7(), Reference = HelpReference, RequesterId = UserId, Email = Email, ContactEmail = $"contact-{Email}", Category = HelpRequestCategory.Other,
            Priority = HelpRequestPriority.Normal, Status = HelpRequestStatus.Open, Message = $"{Marker} help message", Page = $"https://news.example/{Marker}",
            ContextJson = $$"""{"recentComments":[{"id":"{{Lonely}}","excerpt":"{{Marker}} lonely"}]}""", CreatedAt = at, UpdatedAt = at, FirstReplyDueAt = at.AddDays(1),
        };
        db.HelpRequests.Add(help);
        db.HelpRequestEvents.AddRange(
            HelpRequestEvent.Create(help.Id, HelpRequestEventKind.Reply, "support-1", at, visibleToReader: true, body: $"You wrote: {Marker} help message"),
            HelpRequestEvent.Create(help.Id, HelpRequestEventKind.Note, "support-1", at, visibleToReader: false, body: "internal note for staff only"));
        db.OutgoingMail.AddRange(
            new OutgoingMail { Id = Guid.CreateVersion7(), To = Email, Subject = "Your digest", Body = $"Hello {Name}", CreatedAt = at, UnsubscribeUrl = UnsubscribeUrl(siteId, UserId) },
            new OutgoingMail { Id = Guid.CreateVersion7(), To = "support-copy@example.org", Subject = "About HR", Body = $"{Marker} help message", HelpRequestId = help.Id, CreatedAt = at });
        db.Notifications.AddRange(
            new Notification { Id = Guid.CreateVersion7(), SiteId = siteId, UserId = UserId, Kind = NotificationKind.Reply, SubjectId = OthersReply, CommentId = Answered, ArticleId = ArticleId, ActorName = "Other", CreatedAt = at },
            new Notification { Id = Guid.CreateVersion7(), SiteId = siteId, UserId = OtherUserId, Kind = NotificationKind.Reply, SubjectId = ReplyToOther, CommentId = OthersComment, ArticleId = ArticleId, ActorName = Name, CreatedAt = at });
        db.ReaderPreferences.Add(new ReaderPreferences { SiteId = siteId, UserId = UserId, Email = Email, UpdatedAt = at });
        db.IgnoredReaders.Add(new IgnoredReader { SiteId = siteId, ReaderId = UserId, IgnoredId = OtherUserId, CreatedAt = at });
        db.UserStandings.Add(new UserStanding { UserId = UserId, Status = UserStatus.Premoderated, Reason = $"{Marker} standing reason", UpdatedAt = at });
        db.PostRefusals.Add(new PostRefusal { Id = Guid.CreateVersion7(), UserId = UserId, Reason = "validation", Detail = $"{Marker} refused post", At = at });
        var statement = new StatementOfReasons
        {
            Id = Guid.CreateVersion7(), Reference = References.New("SR"), SiteId = siteId, UserId = UserId, Restriction = Restriction.CommentHeld, CommentId = Lonely,
            DecisionId = decision.Id, ReasonCodes = ["SUSPECT_WORD"], Automation = AutomationUse.Decision, Ground = DecisionGround.TermsOfService, DecidedBy = Decision.SystemActor, IssuedAt = at,
        };
        db.StatementsOfReasons.Add(statement);
        db.Complaints.Add(new Complaint
        {
            Id = Guid.CreateVersion7(), SiteId = siteId, UserId = UserId, StatementId = statement.Id, HelpRequestId = help.Id, ReceivedAt = at,
            Outcome = ComplaintOutcome.Upheld, OutcomeReason = $"Dear {Name}, we kept it", DecidedBy = "moderator-1", DecidedAt = at,
        });
        db.LegalNotices.Add(new LegalNotice
        {
            Id = Guid.CreateVersion7(), Reference = References.New("LN"), SiteId = siteId, CommentId = OthersComment, Category = "defamation", Explanation = "It is untrue.",
            NotifierId = UserId, NotifierName = Name, NotifierEmail = Email, GoodFaith = true, ReceivedAt = at, DueAt = at.AddDays(1),
        });
        db.ModerationNotes.Add(new ModerationNote { Id = Guid.CreateVersion7(), TargetType = "user", TargetId = UserId, Author = "moderator-1", Body = $"{Marker} note", CreatedAt = at });
        db.Audit("support-1", "appeal", "user", UserId, at, null, new { HelpRequest = HelpReference, Message = $"{Marker} help message" });
        db.Audit("moderator-1", "reject", "comment", Lonely.ToString(), at, new { Status = "held" },
            new { Status = "rejected", ReasonCodes = new[] { "OFF_TOPIC" }, Details = new { Note = $"{Marker} note", Explanation = $"{Marker} explanation", Message = $"{Marker} appeal" } });
        await db.SaveChangesAsync();
    }
}
