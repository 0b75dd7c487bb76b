using Comments.Storage.Comments.Lifecycle;
using Comments.Storage.Notifications;

namespace Comments.Storage.Legal;

/// <summary>
/// Writes statements of reasons (Digital Services Act article 17) in the caller's unit of work, beside the restriction
/// they explain, so that one exists exactly when its restriction was saved; for both hosts. A removal or an account
/// restriction also leaves the author a notification, which the digest mails (holds are told in the page only).
/// </summary>
public static class StatementWrites
{
    /// <summary>Statement references are made for every hold: ten characters keep them from meeting (<see cref="References.New(string, int)"/>).</summary>
    public const int ReferenceLength = 10;

    /// <summary>How long after its statement an author can complain (article 20(1): at least six months).</summary>
    public static DateTimeOffset ComplaintsUntil(StatementOfReasons statement) => statement.IssuedAt.AddMonths(6);

    /// <summary>
    /// A statement for a decision that newly held or removed a comment (a second rejection of a rejected comment restricts
    /// nothing new); null for anything else. <paramref name="notify"/>: false when another notification tells the author
    /// (a ban's rejections, told by the ban's own).
    /// </summary>
    public static StatementOfReasons? AddFor(this CommentsDbContext db, CommentTransition transition, AutomationUse automation, bool notify = true)
    {
        var restriction = transition.To switch
        {
            CommentState.Held => Restriction.CommentHeld,
            CommentState.Rejected => Restriction.CommentRemoved,
            _ => (Restriction?)null,
        };
        if (transition.Decision is not { } decision || restriction is null || transition.From == transition.To)
        {
            return null;
        }
        var comment = transition.Comment;
        var statement = Add(db, new StatementOfReasons
        {
            Id = Guid.CreateVersion7(decision.DecidedAt), Reference = References.New("SR", ReferenceLength), SiteId = comment.SiteId, UserId = comment.AuthorId,
            Restriction = restriction.Value, CommentId = comment.Id, DecisionId = decision.Id, ReasonCodes = [.. decision.ReasonCodes], Automation = automation,
            Ground = DecisionGround.TermsOfService, DecidedBy = decision.Actor, IssuedAt = decision.DecidedAt,
        }, notify && restriction == Restriction.CommentRemoved, comment.ArticleId);
        return statement;
    }

    /// <summary>A statement for a moderator's ban, suspension or pre-moderation of an account.</summary>
    public static StatementOfReasons AddForAccount(this CommentsDbContext db, string siteId, string userId, Restriction restriction, string reasonCode,
        string moderator, DateTimeOffset at, DateTimeOffset? endsAt) =>
        Add(db, new StatementOfReasons
        {
            Id = Guid.CreateVersion7(at), Reference = References.New("SR", ReferenceLength), SiteId = siteId, UserId = userId, Restriction = restriction,
            ReasonCodes = [reasonCode], Automation = AutomationUse.None, Ground = DecisionGround.TermsOfService, DecidedBy = moderator, IssuedAt = at, EndsAt = endsAt,
        }, notify: true, articleId: null);

    private static StatementOfReasons Add(CommentsDbContext db, StatementOfReasons statement, bool notify, string? articleId)
    {
        db.StatementsOfReasons.Add(statement);
        if (notify)
        {
            db.Notifications.Add(new Notification
            {
                Id = Guid.CreateVersion7(statement.IssuedAt), SiteId = statement.SiteId, UserId = statement.UserId, Kind = NotificationKind.Statement,
                SubjectId = statement.Id, CommentId = statement.CommentId, ArticleId = articleId, CreatedAt = statement.IssuedAt,
            });
        }
        return statement;
    }
}
