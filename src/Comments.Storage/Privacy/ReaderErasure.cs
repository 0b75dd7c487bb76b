using Comments.Storage.Audit;
using Microsoft.EntityFrameworkCore;

namespace Comments.Storage.Privacy;

/// <summary>
/// Erases one reader's data on one site (docs/personal-data.md, "Erasure"), set-based, in one transaction, so that it
/// happens whole or not at all and running it twice changes nothing more. Comments keep their row as an empty
/// tombstone (decisions, statements and notices keep their subject); one with public replies stays in the thread as
/// "comment by a deleted account". Moderation records keep the decision, its reason codes and time.
/// </summary>
public static class ReaderErasure
{
    /// <summary>The audit entry's action; its after-JSON holds counts only.</summary>
    public const string AuditAction = "erase";

    /// <summary>
    /// The keys of audit entries that can hold a reader's words or a moderator's words about them (appeal messages, notes,
    /// reasons, explanations): removed from the erased reader's entries under the trigger's erasure exception.
    /// </summary>
    private static readonly string[] RedactedAuditKeys = ["message", "body", "note", "explanation", "reason"];

    /// <summary>Carries out a confirmed request; null when it is done already or another worker is doing it.</summary>
    public static async Task<ErasureCounts?> EraseAsync(CommentsDbContext db, Guid requestId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var request = await db.ErasureRequests.FromSql($"""
            select * from erasure_requests where id = {requestId} and confirmed_at is not null and completed_at is null for update skip locked
            """).SingleOrDefaultAsync(cancellationToken);
        if (request is null)
        {
            return null;
        }
        var (site, user) = (request.SiteId, request.UserId);
        // Chosen by the reader's ids only, never by an address: an address a reader typed proves nothing, and matching by
        // one would let a reader erase the rows of whoever's address they typed.
        var helpRequests = await db.HelpRequests.Where(r => r.RequesterId == user).Select(r => r.Id).ToArrayAsync(cancellationToken);
        var digests = await DigestsAsync(db, site, user, cancellationToken);
        var sql = db.Database;

        // Only this transaction may redact the audit log (the trigger checks the setting; see the PrivacyErasure migration).
        await sql.ExecuteSqlRawAsync("set local comments.erasure = 'on'", cancellationToken);
        await sql.ExecuteSqlInterpolatedAsync($$"""
            update audit_entries set before_json = before_json - {{RedactedAuditKeys}}::text[] #- '{details,message}' #- '{details,note}' #- '{details,explanation}',
                after_json = after_json - {{RedactedAuditKeys}}::text[] #- '{details,message}' #- '{details,note}' #- '{details,explanation}'
            where (target_type = 'user' and target_id = {{user}})
               or (target_type = 'comment' and target_id in (select id::text from comments where site_id = {{site}} and author_id = {{user}}))
            """, cancellationToken);
        var comments = await EraseCommentsAsync(db, site, user, now, cancellationToken);
        await sql.ExecuteSqlInterpolatedAsync($$"""
            delete from comment_revisions where comment_id in (select id from comments where site_id = {{site}} and author_id = {{user}});
            update decisions set details = '{}' where comment_id in (select id from comments where site_id = {{site}} and author_id = {{user}}) and details <> '{}';
            update reports set details = null where details is not null
                and comment_id in (select id from comments where site_id = {{site}}) and (reporter_id = {{user}}
                    or comment_id in (select id from comments where site_id = {{site}} and author_id = {{user}}));
            delete from moderation_notes where (target_type = 'user' and target_id = {{user}})
                or (target_type = 'comment' and target_id in (select id::text from comments where site_id = {{site}} and author_id = {{user}}));
            update notifications set actor_name = null where actor_name is not null
                and subject_id in (select id from comments where site_id = {{site}} and author_id = {{user}});
            delete from notifications where site_id = {{site}} and user_id = {{user}};
            delete from reader_preferences where site_id = {{site}} and user_id = {{user}};
            delete from ignored_readers where site_id = {{site}} and reader_id = {{user}};
            delete from post_refusals where user_id = {{user}};
            update user_standings set reason = null where user_id = {{user}} and reason is not null;
            update complaints set outcome_reason = null where site_id = {{site}} and user_id = {{user}};
            update legal_notices set notifier_name = null, notifier_email = null where site_id = {{site}} and notifier_id = {{user}};
            delete from outgoing_mail where help_request_id = any({{helpRequests}}) or id = any({{digests}});
            update help_requests set message = '', email = null, contact_email = null, access_token_hash = null, user_agent = null, page = null,
                context_json = null, triage_note = null where id = any({{helpRequests}});
            update help_request_events set body = null where help_request_id = any({{helpRequests}}) and body is not null;
            update erasure_requests set token_email = null where site_id = {{site}} and user_id = {{user}};
            """, cancellationToken);
        var counts = new ErasureCounts(comments, helpRequests.Length);
        db.Audit(request.RequestedBy, AuditAction, "user", user, now, null, new { Site = site, counts.Comments, counts.HelpRequests, Request = request.Id });
        request.CompletedAt = now;
        request.TokenEmail = null;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return counts;
    }

    /// <summary>
    /// The digests mailed to this reader on this site: to their saved address (a digest has no help request), and made
    /// for them, as the unsubscribe link's token names the site and user it was written for (NotificationDigest). The
    /// address alone would not do: another reader may have saved the same one.
    /// </summary>
    private static async Task<Guid[]> DigestsAsync(CommentsDbContext db, string site, string user, CancellationToken cancellationToken)
    {
        var addresses = await db.ReaderPreferences.Where(p => p.SiteId == site && p.UserId == user && p.Email != null)
            .Select(p => p.Email!.ToLower()).ToListAsync(cancellationToken);
        var candidates = await db.OutgoingMail.Where(m => m.HelpRequestId == null && m.UnsubscribeUrl != null && addresses.Contains(m.To.ToLower()))
            .Select(m => new { m.Id, m.UnsubscribeUrl }).ToListAsync(cancellationToken);
        return [.. candidates.Where(m => NamesReader(m.UnsubscribeUrl!, site, user)).Select(m => m.Id)];
    }

    /// <summary>Whether an unsubscribe link's token (base64url of "expiry\nsite\nuser", then its signature) names this reader; the signature needs no checking, as the row is ours.</summary>
    private static bool NamesReader(string unsubscribeUrl, string site, string user)
    {
        var token = Uri.UnescapeDataString(unsubscribeUrl[(unsubscribeUrl.IndexOf("token=", StringComparison.Ordinal) + "token=".Length)..]);
        var payload = token.Split('.')[0];
        if (!System.Buffers.Text.Base64Url.IsValid(payload))
        {
            return false;
        }
        var fields = System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(payload)).Split('\n', 3);
        return fields.Length == 3 && fields[1] == site && fields[2] == user;
    }

    /// <summary>
    /// Deepest first, so that a reply leaving the public view lowers its parent's reply count before the parent is looked
    /// at: a comment keeps its place only while it has public replies. The public counters follow what leaves the view.
    /// </summary>
    private static async Task<int> EraseCommentsAsync(CommentsDbContext db, string site, string user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var depths = await db.Comments.Where(c => c.SiteId == site && c.AuthorId == user && c.ErasedAt == null)
            .Select(c => c.Depth).Distinct().OrderByDescending(d => d).ToListAsync(cancellationToken);
        var erased = 0;
        foreach (var depth in depths)
        {
            await db.Database.ExecuteSqlInterpolatedAsync($$"""
                with leaving as (
                    select parent_id, article_id from comments
                    where site_id = {{site}} and author_id = {{user}} and erased_at is null and depth = {{depth}}
                      and status = 'approved' and hidden_at is null and deleted_at is null and reply_count = 0),
                parents as (
                    update comments p set reply_count = greatest(p.reply_count - l.n, 0)
                    from (select parent_id, count(*)::int as n from leaving where parent_id is not null group by parent_id) l
                    where p.id = l.parent_id)
                update article_stats s set published_count = greatest(s.published_count - a.n, 0)
                from (select article_id, count(*)::int as n from leaving group by article_id) a
                where s.site_id = {{site}} and s.article_id = a.article_id
                """, cancellationToken);
            erased += await db.Database.ExecuteSqlInterpolatedAsync($$"""
                update comments set body = '', author_name = '', deleted_at = coalesce(deleted_at, {{now}}), erased_at = {{now}},
                    featured_at = null, claimed_by = null, claim_expires_at = null, updated_at = {{now}}
                where site_id = {{site}} and author_id = {{user}} and erased_at is null and depth = {{depth}}
                """, cancellationToken);
        }
        return erased;
    }
}

public sealed record ErasureCounts(int Comments, int HelpRequests);
