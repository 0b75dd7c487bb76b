using System.Globalization;
using System.Text;
using Comments.Moderation;
using Comments.Moderation.Language;
using Comments.Moderation.Notifications;
using Comments.Storage;
using Comments.Storage.Notifications;
using Comments.Storage.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Moderation.Worker.Notifications;

/// <summary>
/// At most one mail per reader per <see cref="NotificationDigestOptions.DigestMinutes"/>: each tick, every reader with
/// an address, mail on, unread notifications not mailed yet and no mail within the window gets ONE mail in the
/// <c>outgoing_mail</c> outbox listing them (the mail transport sends it), and those notifications are marked mailed.
/// Several workers may run it: a transaction-level advisory lock lets one of them at a time.
/// </summary>
public sealed class NotificationDigest(
    IServiceScopeFactory scopes, IOptions<NotificationDigestOptions> options, IOptions<NotificationOptions> links, TimeProvider clock, ILogger<NotificationDigest> logger)
    : BackgroundService
{
    private const long LockKey = 0x6e6f_7469_6679; // "notify"
    private const int ReadersPerTick = 200;
    private const int NotificationsPerMail = 50;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return Task.CompletedTask;
        }
        if (links.Value.UnsubscribeKey is null || options.Value.PublicBaseUrl is null)
        {
            logger.LogWarning("No notification mail: Notifications:UnsubscribeKey or NotificationDigest:PublicBaseUrl is not set, so no unsubscribe link can be made");
            return Task.CompletedTask;
        }
        return PeriodicWork.RunAsync(options.Value.Interval, clock, token => DigestAsync(clock.GetUtcNow(), token), logger, "Writing notification digests", stoppingToken);
    }

    /// <summary>Writes the digests due at <paramref name="now"/>; the number of mails written (0 when another worker holds the lock).</summary>
    public async Task<int> DigestAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommentsDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await db.Database.SqlQuery<bool>($"select pg_try_advisory_xact_lock({LockKey}) as \"Value\"").SingleAsync(cancellationToken))
        {
            return 0;
        }
        var quietSince = now - TimeSpan.FromMinutes(options.Value.DigestMinutes);
        var readers = await db.ReaderPreferences
            .Where(p => p.MailEnabled && p.Email != null && (p.LastMailedAt == null || p.LastMailedAt <= quietSince)
                && db.Notifications.Any(n => n.SiteId == p.SiteId && n.UserId == p.UserId && n.MailedAt == null && n.ReadAt == null))
            .OrderBy(p => p.LastMailedAt).Take(ReadersPerTick).ToListAsync(cancellationToken);
        var text = scope.ServiceProvider.GetRequiredService<IStringLocalizer<ReaderText>>();
        var culture = CultureInfo.CurrentUICulture;
        var written = 0;
        foreach (var reader in readers)
        {
            // The catalogue answers in the current UI culture: the reader's chosen language for this mail.
            CultureInfo.CurrentUICulture = NotificationText.CultureOf(reader.Language);
            var notifications = await db.Notifications.Where(n => n.SiteId == reader.SiteId && n.UserId == reader.UserId && n.MailedAt == null && n.ReadAt == null)
                .OrderBy(n => n.CreatedAt).Take(NotificationsPerMail).ToListAsync(cancellationToken);
            if (notifications.Count == 0)
            {
                continue; // read in the page since the readers were chosen: nothing to mail, and the window does not start
            }
            var facts = await NotificationFacts.LoadAsync(db, notifications, cancellationToken);
            var unsubscribe = UnsubscribeUrl(reader.SiteId, reader.UserId, now);
            db.OutgoingMail.Add(new OutgoingMail
            {
                Id = Guid.CreateVersion7(now),
                To = reader.Email!,
                Subject = NotificationText.DigestSubject(text, notifications.Count),
                Body = Body(text, facts, unsubscribe),
                CreatedAt = now,
                UnsubscribeUrl = unsubscribe,
            });
            notifications.ForEach(n => n.MailedAt = now);
            reader.LastMailedAt = now;
            written++;
        }
        CultureInfo.CurrentUICulture = culture;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (written > 0)
        {
            logger.LogInformation("Wrote {Mails} notification digests", written);
        }
        return written;
    }

    private string UnsubscribeUrl(string siteId, string userId, DateTimeOffset now)
    {
        var token = UnsubscribeToken.Create(siteId, userId, now.AddDays(links.Value.UnsubscribeLinkDays), links.Value.UnsubscribeKey!);
        return $"{options.Value.PublicBaseUrl!.TrimEnd('/')}/api/unsubscribe?token={Uri.EscapeDataString(token)}";
    }

    private static string Body(IStringLocalizer text, IReadOnlyList<NotificationFacts> facts, string unsubscribe)
    {
        var body = new StringBuilder().AppendLine(text[ReaderKeys.DigestIntro]).AppendLine();
        foreach (var fact in facts)
        {
            body.Append("- ").AppendLine(NotificationText.For(text, fact));
        }
        return body.AppendLine().AppendLine("-- ").AppendLine(text.Say(ReaderKeys.DigestFooter, ("url", unsubscribe))).ToString();
    }
}
