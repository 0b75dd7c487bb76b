-- The transparency report's queries on a large database (docs/performance.md, "The transparency report").
-- Run against an empty database with the schema (dotnet ef migrations script ... | psql), then:
--   psql -d comments -f bench/TransparencyReport/seed.sql
--   psql -d comments -v s="'2026-01-01T00:00Z'::timestamptz" -v e="'2027-01-01T00:00Z'::timestamptz" -f bench/TransparencyReport/queries.sql
-- 1,000,000 comments over two years on two sites, a system decision on each, a person's decision on one in ten,
-- reports on one in twenty; 40,000 notices, 400,000 statements of reasons, about 10,000 complaints.
insert into comments (id, article_id, author_id, author_name, body, status, revision, created_at, updated_at, site_id)
select gen_random_uuid(), 'a' || (g % 5000), 'u' || (g % 50000), 'n', 'body', 'approved', 1,
       timestamptz '2025-01-01' + (g * interval '63 seconds'), timestamptz '2025-01-01' + (g * interval '63 seconds'),
       case when g % 2 = 0 then 'default' else 'other' end
from generate_series(1, 1000000) g;
insert into decisions (id, comment_id, revision, decided_at, details, actor, outcome, reason_codes)
select gen_random_uuid(), id, 1, created_at + interval '1 second', '{}', 'system',
       (array['approved','approved','approved','held','rejected'])[1 + (abs(hashtext(id::text)) % 5)], '{}' from comments;
insert into decisions (id, comment_id, revision, decided_at, details, actor, outcome, reason_codes)
select gen_random_uuid(), id, 1, created_at + interval '2 hours', '{}', 'moderator-1',
       (array['approved','rejected'])[1 + (abs(hashtext(id::text || 'h')) % 2)], '{OFFENSIVE}' from comments where abs(hashtext(id::text)) % 10 = 0;
insert into reports (id, comment_id, reporter_id, reason, weight, status, created_at)
select gen_random_uuid(), id, 'r', 'offensive', 1, 'open', created_at + interval '1 hour' from comments where abs(hashtext(id::text)) % 20 = 0;
insert into legal_notices (id, reference, site_id, comment_id, category, explanation, good_faith, received_at, due_at, outcome, decided_at, manifestly_unfounded)
select gen_random_uuid(), 'LN-' || g, case when g % 2 = 0 then 'default' else 'other' end, gen_random_uuid(), (array['hate_speech','defamation','privacy','terrorism'])[1 + g % 4], 'x', true,
       timestamptz '2025-01-01' + g * interval '31 minutes', timestamptz '2025-01-02' + g * interval '31 minutes',
       case when g % 10 = 0 then null else (array['removed','restricted','no_action'])[1 + g % 3] end, timestamptz '2025-01-01' + g * interval '31 minutes' + (g % 48) * interval '1 hour', g % 17 = 0
from generate_series(1, 40000) g;
insert into statements_of_reasons (id, reference, site_id, user_id, restriction, comment_id, reason_codes, automation, ground, decided_by, issued_at, notice_id)
select gen_random_uuid(), 'SR-' || g, case when g % 2 = 0 then 'default' else 'other' end, 'u' || g, (array['comment_held','comment_removed','account_suspended','account_banned'])[1 + g % 4], null,
       case g % 3 when 0 then array['OFFENSIVE'] when 1 then array['SPAM','AD'] else array[]::text[] end, (array['none','detection','decision'])[1 + g % 3], 'terms_of_service', 'system',
       timestamptz '2025-01-01' + g * interval '157 seconds', case when g % 9 = 0 then gen_random_uuid() end
from generate_series(1, 400000) g;
insert into complaints (id, site_id, user_id, statement_id, received_at, outcome, decided_at)
select gen_random_uuid(), site_id, user_id, id, issued_at + interval '1 day', case when abs(hashtext(id::text)) % 3 = 0 then 'reversed' else 'upheld' end, issued_at + interval '3 days'
from statements_of_reasons where abs(hashtext(id::text)) % 40 = 0;
analyze;
