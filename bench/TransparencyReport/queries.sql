-- The eight queries of src/Comments.Api/Transparency/TransparencyFigures.cs with :s, :e (period) and the default site; see seed.sql.
\timing on
\set site '''default'''
select category, case when outcome is not null and decided_at < :e then outcome else 'open' end, count(*) from legal_notices where site_id = :site and received_at >= :s and received_at < :e group by 1, 2 order by 1, 2;
select count(*) filter (where manifestly_unfounded), (percentile_cont(0.5) within group (order by extract(epoch from decided_at - received_at)) filter (where outcome is not null and decided_at < :e))::float8 from legal_notices where site_id = :site and received_at >= :s and received_at < :e;
select code, count(*) from statements_of_reasons s left join lateral unnest(s.reason_codes) as code on true where s.site_id = :site and s.notice_id is null and s.issued_at >= :s and s.issued_at < :e group by 1 order by 2 desc, 1;
select restriction, automation, count(*) from statements_of_reasons where site_id = :site and notice_id is null and issued_at >= :s and issued_at < :e group by 1, 2;
with last_human as (
    select distinct on (comment_id, revision) comment_id, revision, outcome, decided_at from decisions
    where actor <> 'system' and decided_at >= :s and decided_at < :e
    order by comment_id, revision, decided_at desc)
select s.outcome as "system", coalesce(h.outcome, 'not_reviewed') as "moderator", count(*)::int as "count",
       count(*) filter (where exists (select 1 from reports r
           where r.comment_id = s.comment_id and r.created_at > s.decided_at and r.created_at < h.decided_at))::int as "reported_first"
from decisions s join comments c on c.id = s.comment_id
left join last_human h on h.comment_id = s.comment_id and h.revision = s.revision and h.decided_at > s.decided_at
where s.actor = 'system' and c.site_id = :site and s.decided_at >= :s and s.decided_at < :e
group by 1, 2 order by 1, 2;

select coalesce(s.restriction, 'unknown'), case when c.outcome is not null and c.decided_at < :e then c.outcome else 'open' end, count(*) from complaints c left join statements_of_reasons s on s.id = c.statement_id where c.site_id = :site and c.received_at >= :s and c.received_at < :e group by 1, 2;
select (percentile_cont(0.5) within group (order by extract(epoch from decided_at - received_at)) filter (where outcome is not null and decided_at < :e))::float8 from complaints where site_id = :site and received_at >= :s and received_at < :e;
select restriction, automation, count(*) from statements_of_reasons where site_id = :site and issued_at >= :s and issued_at < :e and restriction like 'account\_%' group by 1, 2;
