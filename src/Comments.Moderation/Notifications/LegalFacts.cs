using Comments.Storage;
using Comments.Storage.Legal;
using Comments.Storage.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Comments.Moderation.Notifications;

/// <summary>What a notification about a statement of reasons or a complaint names: the statement's reference, the complaint's outcome.</summary>
internal sealed record LegalFacts(string Reference, ComplaintOutcome? Outcome)
{
    /// <summary>By the notification's subject (the statement, or the complaint), with one query per kind.</summary>
    public static async Task<Dictionary<Guid, LegalFacts>> LoadAsync(CommentsDbContext db, IReadOnlyList<Notification> notifications, CancellationToken cancellationToken)
    {
        var statementIds = notifications.Where(n => n.Kind == NotificationKind.Statement).Select(n => n.SubjectId).ToList();
        var complaintIds = notifications.Where(n => n.Kind == NotificationKind.ComplaintDecided).Select(n => n.SubjectId).ToList();
        var facts = new Dictionary<Guid, LegalFacts>();
        if (statementIds.Count > 0)
        {
            foreach (var s in await db.StatementsOfReasons.AsNoTracking().Where(s => statementIds.Contains(s.Id)).Select(s => new { s.Id, s.Reference }).ToListAsync(cancellationToken))
            {
                facts[s.Id] = new LegalFacts(s.Reference, null);
            }
        }
        if (complaintIds.Count > 0)
        {
            var complaints = from c in db.Complaints.AsNoTracking()
                             join s in db.StatementsOfReasons.AsNoTracking() on c.StatementId equals s.Id
                             where complaintIds.Contains(c.Id)
                             select new { c.Id, s.Reference, c.Outcome };
            foreach (var c in await complaints.ToListAsync(cancellationToken))
            {
                facts[c.Id] = new LegalFacts(c.Reference, c.Outcome);
            }
        }
        return facts;
    }
}
