using System.Diagnostics;
using Npgsql;

namespace Comments.Bench;

/// <summary>
/// <c>BENCH_SEED_COMMENTS</c>: that many comments already stored, with their system decisions, before anything is
/// measured, so intake can be measured against a large database. Set-based SQL on the server in one transaction:
/// secondary indexes dropped and rebuilt (a sorted build is several times faster than 10 million index inserts), the
/// trigger's queue counts and the article stats written once, then ANALYZE.
/// </summary>
public sealed class SeededDatabase(NpgsqlDataSource database)
{
    /// <summary>One article holding every tenth seeded comment (a long-running live blog).</summary>
    public const string HotArticle = "bench-seed-hot";

    /// <summary>
    /// Over two years, oldest first (ids time-ordered like the system's version-7 ids). Each window of 2,000 comments
    /// has 40 articles of falling popularity, authors follow a power law over 200,000 readers, 5% are rejected.
    /// </summary>
    private static string Comments(int count) => $"""
        insert into comments (id, site_id, article_id, author_id, author_name, body, status, revision, depth, created_at, updated_at, respect_count, best_score)
        select (lpad(to_hex((extract(epoch from at) * 1000)::bigint), 12, '0') || '7' || substr(md5(n::text), 1, 3) || '8' || substr(md5(n::text), 4, 15))::uuid,
               'default', article, 'seed-reader-' || author, 'Reader ' || author,
               'Seeded comment ' || n || ': ' || (array['I disagree with the conclusion, the figures say otherwise.', 'Thank you for the careful reporting on this.',
                   'The council should answer these questions before the vote.', 'My street flooded twice this year and nobody came.',
                   'Interesting, but what about the cost for ordinary families?', 'This is the third article on the subject and still no answer.',
                   'Well written, though the headline overstates it.', 'Can you publish the full report, please?'])[1 + n % 8]
                   || repeat(' And another thing about the schools.', n % 3),
               status, 1, 0, at, at, respects,
               greatest(0, (p + 3.8415 / (2 * t) - 1.96 * sqrt((p * (1 - p) + 3.8415 / (4 * t)) / t)) / (1 + 3.8415 / t))
        from (select n, now() - make_interval(secs => ({count} - n) * (63072000.0 / {count})) as at,
                     case when n % 10 = 0 then '{HotArticle}' else 'bench-seed-' || (n / 2000) || '-' || floor(power(random(), 3) * 40)::int end as article,
                     floor(power(random(), 3) * 200000)::int as author,
                     case when random() < 0.05 then 'rejected' else 'approved' end as status,
                     floor(power(random(), 6) * 60)::int as respects
              from generate_series(1, {count}) n) s
        cross join lateral (select respects::float8 / (respects + 10) as p, (respects + 10)::float8 as t) w
        """;

    private const string DropIndexes = """
        set local session_replication_role = replica; -- no trigger or foreign-key check per row: counted once below
        set local maintenance_work_mem = '1GB';
        create temp table seed_indexes on commit drop as
            select indexname, indexdef from pg_indexes
            where schemaname = 'public' and tablename in ('comments', 'decisions') and indexname not in ('pk_comments', 'pk_decisions');
        do $$ declare i record; begin
            for i in select indexname from seed_indexes loop execute format('drop index %I', i.indexname); end loop;
        end $$;
        """;

    private const string Decisions = """
        insert into decisions (id, comment_id, revision, outcome, reason_codes, actor, decided_at)
        select (lpad(to_hex((extract(epoch from created_at) * 1000)::bigint + 40), 12, '0') || '7' || substr(md5(id::text), 1, 3) || '8' || substr(md5(id::text), 4, 15))::uuid,
               id, 1, status, '{}', 'system', created_at + interval '40 milliseconds'
        from comments where article_id like 'bench-seed-%'
        """;

    private const string RebuildIndexes = """
        do $$ declare i record; begin
            for i in select indexdef from seed_indexes loop execute i.indexdef; end loop;
        end $$;
        """;

    private const string CountsAndStatistics = """
        insert into queue_count_deltas (site_id, queue, delta)
        select 'default', status, count(*)::int from comments where article_id like 'bench-seed-%' group by status;
        insert into article_stats (site_id, article_id, published_count, last_activity_at)
        select 'default', article_id, count(*) filter (where status = 'approved'), max(created_at) from comments
        where article_id like 'bench-seed-%' group by article_id
        on conflict (site_id, article_id) do nothing;
        analyze comments;
        analyze decisions;
        """;

    public async Task SeedAsync(int comments)
    {
        Console.WriteLine($"== seeding {comments:N0} comments with their decisions (every tenth on {HotArticle})");
        var total = Stopwatch.StartNew();
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        (string Step, string Sql)[] steps =
        [
            ("drop the secondary indexes", DropIndexes),
            ("comments", Comments(comments)),
            ("decisions", Decisions),
            ("rebuild the indexes", RebuildIndexes),
            ("queue counts, article stats, ANALYZE", CountsAndStatistics),
        ];
        foreach (var (step, sql) in steps)
        {
            var clock = Stopwatch.StartNew();
            await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
            await command.ExecuteNonQueryAsync();
            Console.WriteLine($"    {step}: {clock.Elapsed.TotalSeconds:0.0} s");
        }
        await transaction.CommitAsync();
        Console.WriteLine($"    seeded {comments:N0} comments and decisions in {total.Elapsed.TotalSeconds:0} s");
    }
}
