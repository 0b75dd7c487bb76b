using Comments.Storage;
using Microsoft.EntityFrameworkCore;

namespace Comments.Api.Transparency;

/// <summary>
/// Counts the article 15 figures in PostgreSQL (group by, percentile_cont), reading no rows into memory. A record counts
/// when its own time (received, issued, decided by the system) falls in the period; outcomes count when reached before
/// the period's end, so a past period's report does not change as later work is done.
/// </summary>
public static class TransparencyFigures
{
    public static async Task<TransparencyReport> CountAsync(CommentsDbContext db, string site, ReportPeriod period, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var notices = await NoticesAsync(db, site, period, cancellationToken);
        var ownInitiative = await OwnInitiativeAsync(db, site, period, cancellationToken);
        var automation = await AutomationAsync(db, site, period, cancellationToken);
        var complaints = await ComplaintsAsync(db, site, period, cancellationToken);
        var accounts = await db.Database.SqlQuery<RestrictionCount>($"""
            select restriction as "restriction", automation as "automation", count(*)::int as "count" from statements_of_reasons
            where site_id = {site} and issued_at >= {period.Start} and issued_at < {period.End} and restriction like 'account\_%'
            group by 1, 2 order by 1, 2
            """).ToListAsync(cancellationToken);
        return new TransparencyReport(site, period.From, period.To, period.Start, period.End, now, notices, ownInitiative, automation, complaints, accounts);
    }

    private static async Task<NoticeFigures> NoticesAsync(CommentsDbContext db, string site, ReportPeriod period, CancellationToken cancellationToken)
    {
        var (start, end) = (period.Start, period.End);
        var groups = await db.Database.SqlQuery<NoticeCount>($"""
            select category as "category", case when outcome is not null and decided_at < {end} then outcome else 'open' end as "outcome",
                   count(*)::int as "count"
            from legal_notices where site_id = {site} and received_at >= {start} and received_at < {end}
            group by 1, 2 order by 1, 2
            """).ToListAsync(cancellationToken);
        var totals = await db.Database.SqlQuery<NoticeTotals>($"""
            select count(*) filter (where manifestly_unfounded)::int as "manifestly_unfounded",
                   (percentile_cont(0.5) within group (order by extract(epoch from decided_at - received_at))
                       filter (where outcome is not null and decided_at < {end}))::float8 as "median_seconds_to_act"
            from legal_notices where site_id = {site} and received_at >= {start} and received_at < {end}
            """).SingleAsync(cancellationToken);
        var open = groups.Where(g => g.Outcome == "open").Sum(g => g.Count);
        var received = groups.Sum(g => g.Count);
        return new NoticeFigures(received, received - open, open, totals.ManifestlyUnfounded, totals.MedianSecondsToAct, groups);
    }

    private static async Task<OwnInitiativeFigures> OwnInitiativeAsync(CommentsDbContext db, string site, ReportPeriod period, CancellationToken cancellationToken)
    {
        var byReason = await db.Database.SqlQuery<ReasonCount>($"""
            select code as "reason_code", count(*)::int as "count"
            from statements_of_reasons s left join lateral unnest(s.reason_codes) as code on true
            where s.site_id = {site} and s.notice_id is null and s.issued_at >= {period.Start} and s.issued_at < {period.End}
            group by 1 order by 2 desc, 1
            """).ToListAsync(cancellationToken);
        var byMeans = await db.Database.SqlQuery<RestrictionCount>($"""
            select restriction as "restriction", automation as "automation", count(*)::int as "count" from statements_of_reasons
            where site_id = {site} and notice_id is null and issued_at >= {period.Start} and issued_at < {period.End}
            group by 1, 2 order by 1, 2
            """).ToListAsync(cancellationToken);
        return new OwnInitiativeFigures(byMeans.Sum(g => g.Count), byReason, byMeans);
    }

    /// <summary>
    /// Each system decision in the period against the last person's decision on the same revision after it. A person
    /// decides a revision only after the system stored it, so that is the revision's last human decision in the period
    /// when it is later than the system's; found by one pass with hash joins (decisions has no index for people's rows).
    /// </summary>
    private static async Task<AutomationFigures> AutomationAsync(CommentsDbContext db, string site, ReportPeriod period, CancellationToken cancellationToken)
    {
        var (start, end) = (period.Start, period.End);
        var matrix = await db.Database.SqlQuery<AgreementCount>($"""
            with last_human as (
                select distinct on (comment_id, revision) comment_id, revision, outcome, decided_at from decisions
                where actor <> 'system' and decided_at >= {start} and decided_at < {end}
                order by comment_id, revision, decided_at desc)
            select s.outcome as "system", coalesce(h.outcome, 'not_reviewed') as "moderator", count(*)::int as "count",
                   count(*) filter (where exists (select 1 from reports r
                       where r.comment_id = s.comment_id and r.created_at > s.decided_at and r.created_at < h.decided_at))::int as "reported_first"
            from decisions s join comments c on c.id = s.comment_id
            left join last_human h on h.comment_id = s.comment_id and h.revision = s.revision and h.decided_at > s.decided_at
            where s.actor = 'system' and c.site_id = {site} and s.decided_at >= {start} and s.decided_at < {end}
            group by 1, 2 order by 1, 2
            """).ToListAsync(cancellationToken);
        return new AutomationFigures(matrix, Indicators(matrix));
    }

    private static AccuracyIndicators Indicators(IReadOnlyList<AgreementCount> matrix)
    {
        AgreementCount? Cell(string system, string moderator) => matrix.FirstOrDefault(m => m.System == system && m.Moderator == moderator);
        int Count(string system, string moderator) => Cell(system, moderator)?.Count ?? 0;
        static double? Share(int part, int whole) => whole == 0 ? null : (double)part / whole;
        var heldReviewed = Count("held", "rejected") + Count("held", "approved");
        var rejectedReviewed = Count("rejected", "rejected") + Count("rejected", "approved");
        var approved = matrix.Where(m => m.System == "approved").Sum(m => m.Count);
        var approvedThenRejected = Count("approved", "rejected");
        return new AccuracyIndicators(
            heldReviewed, Share(Count("held", "rejected"), heldReviewed), Share(Count("held", "approved"), heldReviewed),
            rejectedReviewed, Share(Count("rejected", "approved"), rejectedReviewed),
            approved, approvedThenRejected, Cell("approved", "rejected")?.ReportedFirst ?? 0, Share(approvedThenRejected, approved));
    }

    private static async Task<ComplaintFigures> ComplaintsAsync(CommentsDbContext db, string site, ReportPeriod period, CancellationToken cancellationToken)
    {
        var (start, end) = (period.Start, period.End);
        var groups = await db.Database.SqlQuery<ComplaintCount>($"""
            select coalesce(s.restriction, 'unknown') as "restriction",
                   case when c.outcome is not null and c.decided_at < {end} then c.outcome else 'open' end as "outcome", count(*)::int as "count"
            from complaints c left join statements_of_reasons s on s.id = c.statement_id
            where c.site_id = {site} and c.received_at >= {start} and c.received_at < {end}
            group by 1, 2 order by 1, 2
            """).ToListAsync(cancellationToken);
        var median = await db.Database.SqlQuery<Median>($"""
            select (percentile_cont(0.5) within group (order by extract(epoch from decided_at - received_at))
                       filter (where outcome is not null and decided_at < {end}))::float8 as "seconds"
            from complaints where site_id = {site} and received_at >= {start} and received_at < {end}
            """).SingleAsync(cancellationToken);
        var open = groups.Where(g => g.Outcome == "open").Sum(g => g.Count);
        var received = groups.Sum(g => g.Count);
        return new ComplaintFigures(received, received - open, open, groups.Where(g => g.Outcome == "reversed").Sum(g => g.Count), median.Seconds, groups);
    }

    private sealed record NoticeTotals(int ManifestlyUnfounded, double? MedianSecondsToAct);

    private sealed record Median(double? Seconds);
}
