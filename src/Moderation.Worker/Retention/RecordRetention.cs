using Comments.Storage;
using Comments.Storage.Support;
using Microsoft.EntityFrameworkCore;

namespace Moderation.Worker.Retention;

/// <summary>
/// Deletes the records whose retention period ended (<see cref="RetentionOptions"/>), each in one idempotent statement:
/// mail sent or given up, refused posts, notifications, help previews; and clears the notifier's name and address on
/// legal notices decided long enough ago; and erasure requests never confirmed in time.
/// </summary>
public static class RecordRetention
{
    public static async Task<int> PurgeAsync(CommentsDbContext db, RetentionOptions options, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var mailCutoff = now - TimeSpan.FromDays(options.OutgoingMailDays);
        var purged = await db.OutgoingMail.Where(m => m.Delivery != MailDelivery.Pending && m.CreatedAt < mailCutoff).ExecuteDeleteAsync(cancellationToken);
        var refusalCutoff = now - TimeSpan.FromDays(options.PostRefusalDays);
        purged += await db.PostRefusals.Where(r => r.At < refusalCutoff).ExecuteDeleteAsync(cancellationToken);
        var notificationCutoff = now - TimeSpan.FromDays(options.NotificationDays);
        purged += await db.Notifications.Where(n => n.CreatedAt < notificationCutoff).ExecuteDeleteAsync(cancellationToken);
        var previewCutoff = now - TimeSpan.FromDays(options.HelpPreviewDays);
        purged += await db.HelpPreviews.Where(p => p.CreatedAt < previewCutoff).ExecuteDeleteAsync(cancellationToken);
        var noticeCutoff = now - TimeSpan.FromDays(options.NoticeContactDays);
        purged += await db.LegalNotices.Where(n => n.DecidedAt < noticeCutoff && (n.NotifierName != null || n.NotifierEmail != null))
            .ExecuteUpdateAsync(n => n.SetProperty(x => x.NotifierName, (string?)null).SetProperty(x => x.NotifierEmail, (string?)null), cancellationToken);
        // An erasure never confirmed holds nothing worth keeping once its code has expired; a day later it goes.
        var unconfirmedCutoff = now - TimeSpan.FromDays(1);
        purged += await db.ErasureRequests.Where(r => r.ConfirmedAt == null && r.ConfirmBy < unconfirmedCutoff).ExecuteDeleteAsync(cancellationToken);
        return purged;
    }
}
