using Comments.Storage;
using Comments.Storage.Support;
using Microsoft.EntityFrameworkCore;

namespace Moderation.Worker.Mail;

/// <summary>The dispatcher's statements on <c>outgoing_mail</c>: claim due rows, then record how each attempt went.</summary>
public static class MailOutbox
{
    /// <summary>
    /// Takes up to a batch of due pending rows and leases them (the next attempt moves past the time the batch can
    /// take), counting the attempt. Rows another worker holds are skipped, not waited for.
    /// </summary>
    public static Task<List<OutgoingMail>> ClaimAsync(CommentsDbContext db, DateTimeOffset now, SmtpOptions options, CancellationToken cancellationToken)
    {
        var leaseUntil = now + options.Timeout * (options.BatchSize + 1);
        return db.OutgoingMail.FromSql($"""
            update outgoing_mail set attempts = attempts + 1, next_attempt_at = {leaseUntil}
            where id in (select id from outgoing_mail
                         where delivery = 'pending' and (next_attempt_at is null or next_attempt_at <= {now})
                         order by created_at limit {options.BatchSize} for update skip locked)
            returning *
            """).AsNoTracking().ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Records a sent mail, only while this attempt's lease holds: a batch that outlived its lease and was claimed by
    /// another worker (its attempt counted again) must not set that worker's row back.
    /// </summary>
    public static Task SentAsync(CommentsDbContext db, OutgoingMail claimed, DateTimeOffset at, CancellationToken cancellationToken) =>
        Leased(db, claimed).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.Delivery, MailDelivery.Sent).SetProperty(m => m.SentAt, at)
            .SetProperty(m => m.NextAttemptAt, (DateTimeOffset?)null).SetProperty(m => m.LastError, (string?)null), cancellationToken);

    /// <summary>Records a failed attempt, while the lease holds: tried again at <paramref name="retryAt"/>, or given up when it is null.</summary>
    public static Task FailedAsync(CommentsDbContext db, OutgoingMail claimed, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken) =>
        Leased(db, claimed).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.Delivery, retryAt is null ? MailDelivery.Failed : MailDelivery.Pending)
            .SetProperty(m => m.NextAttemptAt, retryAt).SetProperty(m => m.LastError, error), cancellationToken);

    private static IQueryable<OutgoingMail> Leased(CommentsDbContext db, OutgoingMail claimed) =>
        db.OutgoingMail.Where(m => m.Id == claimed.Id && m.Attempts == claimed.Attempts && m.Delivery == MailDelivery.Pending);

    public static Task<int> GiveUpStaleAsync(CommentsDbContext db, DateTimeOffset writtenBefore, CancellationToken cancellationToken) =>
        db.OutgoingMail.Where(m => m.Delivery == MailDelivery.Pending && m.CreatedAt < writtenBefore)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.Delivery, MailDelivery.Failed).SetProperty(m => m.LastError, "expired unsent"), cancellationToken);
}
