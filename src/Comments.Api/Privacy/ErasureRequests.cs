using Comments.Storage;
using Comments.Storage.Privacy;
using Comments.Storage.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Comments.Api.Privacy;

/// <summary>
/// The two steps of an erasure: <see cref="StartAsync"/> hands out a short-lived code; <see cref="ConfirmAsync"/> takes
/// it back from the same caller about the same reader on the same site (the latest code only), and schedules the erasure by the deadline.
/// </summary>
public sealed class ErasureRequests(CommentsDbContext db, TimeProvider clock, IOptions<PrivacyOptions> options)
{
    public async Task<ErasureConfirmation> StartAsync(string siteId, string userId, string requestedBy, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // A new code replaces the caller's earlier unconfirmed ones: one open request per caller and reader, however often asked.
        await db.ErasureRequests.Where(r => r.SiteId == siteId && r.UserId == userId && r.RequestedBy == requestedBy && r.ConfirmedAt == null)
            .ExecuteDeleteAsync(cancellationToken);
        var code = HelpRequestAccess.NewToken();
        var request = db.ErasureRequests.Add(new ErasureRequest
        {
            Id = Guid.CreateVersion7(now), SiteId = siteId, UserId = userId, RequestedBy = requestedBy, ConfirmationHash = HelpRequestAccess.Hash(code),
            RequestedAt = now, ConfirmBy = now + options.Value.ConfirmationLifetime,
        }).Entity;
        await db.SaveChangesAsync(cancellationToken);
        return new ErasureConfirmation(code, request.ConfirmBy);
    }

    /// <summary>Null when the code is not one this caller was given for this reader and site, or it has expired or been used.</summary>
    public async Task<ErasureScheduled?> ConfirmAsync(string siteId, string userId, string requestedBy, string code, CancellationToken cancellationToken)
    {
        if (code.Length is 0 or > 100)
        {
            return null;
        }
        var now = clock.GetUtcNow();
        var hash = HelpRequestAccess.Hash(code);
        var request = await db.ErasureRequests.FirstOrDefaultAsync(r => r.ConfirmationHash == hash && r.SiteId == siteId && r.UserId == userId
            && r.RequestedBy == requestedBy && r.ConfirmedAt == null && r.ConfirmBy > now, cancellationToken);
        if (request is null)
        {
            return null;
        }
        request.ConfirmedAt = now;
        request.DueAt = now + options.Value.ErasureDeadline;
        await db.SaveChangesAsync(cancellationToken);
        return new ErasureScheduled(request.Id, request.DueAt.Value);
    }
}

/// <summary>The first step's answer: send <see cref="Confirmation"/> back before <see cref="ConfirmBy"/> to erase.</summary>
public sealed record ErasureConfirmation(string Confirmation, DateTimeOffset ConfirmBy);

/// <summary>The second step's answer: the erasure is carried out by <see cref="DueBy"/>.</summary>
public sealed record ErasureScheduled(Guid Id, DateTimeOffset DueBy);

/// <summary>The body of an erase call: empty (or no confirmation) for the first step, the code for the second.</summary>
public sealed record EraseRequest(string? Confirmation);
