using Comments.Storage;
using Comments.Storage.Audit;
using Comments.Storage.Legal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Comments.Api.Legal;

/// <summary>
/// Article 23(2): a moderator suspends, for a period, the processing of notices from a notifier who has sent several
/// manifestly unfounded ones (and was warned by mail each time one was found so). Audited without the address.
/// </summary>
public sealed class NotifierSuspensions(CommentsDbContext db, TimeProvider clock, IOptions<LegalNoticeOptions> options, NotifierKeys notifierKeys)
{
    /// <summary>When the latest running suspension of any of these keys ends, or null.</summary>
    public static async Task<DateTimeOffset?> ActiveUntilAsync(CommentsDbContext db, string siteId, IReadOnlyList<string> keys, DateTimeOffset now, CancellationToken cancellationToken) =>
        keys.Count == 0 ? null : await db.NotifierSuspensions.AsNoTracking()
            .Where(s => s.SiteId == siteId && keys.Contains(s.NotifierKey) && s.SuspendedAt <= now && s.Until > now)
            .MaxAsync(s => (DateTimeOffset?)s.Until, cancellationToken);

    /// <summary>How many notices on this site filed under each of these keys were found manifestly unfounded (a key with none is absent): one query for a page.</summary>
    public static Task<Dictionary<string, int>> UnfoundedPerKeyAsync(CommentsDbContext db, string siteId, IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
        db.LegalNotices.Where(n => n.SiteId == siteId && n.ManifestlyUnfounded && n.NotifierKey != null && keys.Contains(n.NotifierKey))
            .GroupBy(n => n.NotifierKey!).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

    /// <summary>A notifier's unfounded notices: each notice is filed under one key, so the counts of their keys add up.</summary>
    public static int Unfounded(IReadOnlyDictionary<string, int> perKey, IReadOnlyList<string> keys) => keys.Sum(k => perKey.GetValueOrDefault(k));

    public async Task<NoticeActionResult<SuspensionView>> SuspendAsync(Guid noticeId, string siteId, SuspensionRequest request, string moderator, CancellationToken cancellationToken)
    {
        var max = options.Value.MaxSuspensionDays;
        if (request.Days is not { } days || days < 1 || days > max)
        {
            return NoticeActionResult<SuspensionView>.Invalid("days", $"days must be 1 to {max}.");
        }
        var notice = await db.LegalNotices.AsNoTracking().FirstOrDefaultAsync(n => n.Id == noticeId && n.SiteId == siteId, cancellationToken);
        if (notice is null)
        {
            return NoticeActionResult<SuspensionView>.Failed(StatusCodes.Status404NotFound, "No such notice.");
        }
        var keys = notifierKeys.Of(notice);
        if (keys.Count == 0)
        {
            return NoticeActionResult<SuspensionView>.Failed(StatusCodes.Status409Conflict, "The notifier gave neither an account nor an address and their network is unknown: there is no one to suspend.");
        }
        var unfounded = Unfounded(await UnfoundedPerKeyAsync(db, siteId, keys, cancellationToken), keys);
        var needed = options.Value.UnfoundedBeforeSuspension;
        if (unfounded < needed)
        {
            return NoticeActionResult<SuspensionView>.Failed(StatusCodes.Status409Conflict,
                $"The notifier has {unfounded} manifestly unfounded notice(s); suspending takes at least {needed} (article 23: frequent ones, after a warning).");
        }
        var now = clock.GetUtcNow();
        var until = now.AddDays(days);
        foreach (var key in keys)
        {
            db.NotifierSuspensions.Add(new NotifierSuspension
            {
                Id = Guid.CreateVersion7(now), SiteId = siteId, NotifierKey = key, SuspendedAt = now, Until = until,
                Reason = request.Reason!.Trim(), SuspendedBy = moderator,
            });
        }
        // The keys, never the address: the audit log is kept longer than the notifier's contact data.
        db.Audit(moderator, "suspend_notifier", "notifier", keys[0], now, null,
            new { Notice = notice.Reference, Keys = keys, Until = until, Unfounded = unfounded, Reason = request.Reason!.Trim() });
        await db.SaveChangesAsync(cancellationToken);
        return NoticeActionResult<SuspensionView>.Done(new SuspensionView(notice.Reference, keys, now, until, unfounded));
    }
}

public sealed record SuspensionRequest(
    int? Days,
    [property: Infrastructure.Validation.Text(1, 2_000)] string? Reason);

public sealed record SuspensionView(string Notice, IReadOnlyList<string> NotifierKeys, DateTimeOffset SuspendedAt, DateTimeOffset Until, int UnfoundedNotices);

/// <summary>What a legal-queue action came to: done with a value, or a status and why not (the endpoint turns it into a result).</summary>
public sealed record NoticeActionResult<T>(int Status, string? Field, string? Error, T? Value)
{
    public static NoticeActionResult<T> Done(T value) => new(StatusCodes.Status200OK, null, null, value);
    public static NoticeActionResult<T> Failed(int status, string error) => new(status, null, error, default);
    public static NoticeActionResult<T> Invalid(string field, string error) => new(StatusCodes.Status400BadRequest, field, error, default);
}
