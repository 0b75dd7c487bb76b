using System.Diagnostics;
using System.Net;
using System.Text;
using Comments.Harness;
using Npgsql;

namespace Comments.Bench;

/// <summary>The system end to end through its HTTP API: intake to a stored decision, and the read path.</summary>
public sealed class SystemBench(HttpClient http, Readers readers, NpgsqlDataSource database)
{
    public const string BigArticle = "bench-article-100k";
    private int _readerSeed;

    public Task<Throughput> PingAsync(int concurrency, TimeSpan duration) =>
        Closed.RunAsync("trivial JSON endpoint (GET /api/ping)", concurrency, duration, async () =>
            (await http.GetAsync("/api/ping")).IsSuccessStatusCode);

    /// <summary>Draft checks (both models, word lists, harm phrases, the example bank) by a few readers at once.</summary>
    public Task<Throughput> DraftCheckAsync(int concurrency, TimeSpan duration)
    {
        var n = 0;
        return Closed.RunAsync("draft check (POST /api/comments/check)", concurrency, duration, () =>
        {
            var i = Interlocked.Increment(ref n);
            return readers.CheckAsync($"bench-reader-{i % 500:D3}", $"Draft number {i}: the council's report on the flood defences is late again, and nobody explains why.");
        });
    }

    /// <summary>As many posts as <paramref name="concurrency"/> callers can make, then the time until every one is decided.</summary>
    public async Task<(Throughput Accepted, int Decided, double DecidedPerSecond)> IntakeCapacityAsync(int concurrency, TimeSpan duration, string name = "intake, closed loop")
    {
        var article = $"bench-intake-{Guid.NewGuid():N}";
        var clock = Stopwatch.StartNew();
        var accepted = await Closed.RunAsync(name, concurrency, duration, () => PostAsync(article));
        var (decided, _) = await WaitDecidedAsync(article, accepted.Count - accepted.Failures);
        return (accepted, decided, decided / clock.Elapsed.TotalSeconds);
    }

    /// <summary>Posts at a fixed rate for a while; submit-to-decision latencies come from the stored rows.</summary>
    public async Task<(int Sent, int Accepted, double P50Ms, double P99Ms)> IntakeAtRateAsync(int perSecond, TimeSpan duration)
    {
        var article = $"bench-rate-{perSecond}-{Guid.NewGuid():N}";
        var total = (int)(perSecond * duration.TotalSeconds);
        var clock = Stopwatch.StartNew();
        var sends = new List<Task<bool>>(total);
        for (var i = 0; i < total; i++)
        {
            // Read the clock once: read twice, the wait could turn negative in between and Task.Delay throws.
            var wait = TimeSpan.FromSeconds((double)i / perSecond) - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }
            sends.Add(PostAsync(article));
        }
        var results = await Task.WhenAll(sends);
        var accepted = results.Count(ok => ok);
        var (_, latencies) = await WaitDecidedAsync(article, accepted);
        return (total, accepted, Closed.Percentile(latencies, 0.5), Closed.Percentile(latencies, 0.99));
    }

    /// <summary>One comment from one of 500 readers on one of 16 articles of the run (news readers spread over the front page).</summary>
    private async Task<bool> PostAsync(string article)
    {
        var n = Interlocked.Increment(ref _readerSeed);
        var (status, _) = await readers.PostAsync($"bench-reader-{n % 500:D3}", $"{article}-{n % 16}",
            $"A measured comment number {Guid.NewGuid():N} about the report, thank you.");
        return status == HttpStatusCode.Accepted;
    }

    public async Task<(int Decided, double[] LatenciesMs)> WaitDecidedAsync(string article, int expected)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            await using var command = database.CreateCommand("""
                select extract(epoch from d.decided_at - c.created_at) * 1000 from comments c
                join decisions d on d.comment_id = c.id and d.actor = 'system' where c.article_id like $1 || '-%'
                """);
            command.Parameters.Add(new NpgsqlParameter { Value = article });
            var latencies = new List<double>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    latencies.Add(Convert.ToDouble(reader.GetValue(0)));
                }
            }
            if (latencies.Count >= expected || deadline.Elapsed > TimeSpan.FromMinutes(3))
            {
                return (latencies.Count, [.. latencies.Order()]);
            }
            await Task.Delay(250);
        }
    }

    /// <summary>100,000 approved comments on one article, every tenth with three replies, and its stats row.</summary>
    public async Task SeedBigArticleAsync()
    {
        await using var command = database.CreateCommand($"""
            delete from comments where article_id = '{BigArticle}';
            insert into comments (id, site_id, article_id, author_id, author_name, body, status, created_at, updated_at, depth, revision, reply_count, respect_count, open_report_count)
            select gen_random_uuid(), 'default', '{BigArticle}', 'seed-' || (n % 5000), 'Seed Reader', 'Seeded comment number ' || n || ', long enough to look like a real one.',
                   'approved', now() - make_interval(secs => n), now() - make_interval(secs => n), 0, 1, case when n % 10 = 0 then 3 else 0 end, n % 7, 0
            from generate_series(1, 100000) n;
            insert into comments (id, site_id, article_id, parent_id, author_id, author_name, body, status, created_at, updated_at, depth, revision, reply_count, respect_count, open_report_count)
            select gen_random_uuid(), 'default', '{BigArticle}', c.id, 'seed-reply', 'Seed Reply', 'A reply ' || r, 'approved', c.created_at + make_interval(secs => r), c.created_at + make_interval(secs => r), 1, 1, 0, 0, 0
            from comments c cross join generate_series(1, 3) r where c.article_id = '{BigArticle}' and c.reply_count = 3 and c.depth = 0;
            insert into article_stats (article_id, published_count, last_activity_at) values ('{BigArticle}', 140000, now())
            on conflict (site_id, article_id) do update set published_count = excluded.published_count;
            analyze comments;
            """);
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The cursor the API would hand out after the comment at this position in the newest-first order.</summary>
    public async Task<string> CursorAtAsync(int position)
    {
        await using var command = database.CreateCommand($"""
            select id, created_at from comments where article_id = '{BigArticle}' and parent_id is null and status = 'approved'
            order by created_at desc, id desc offset $1 limit 1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = position });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var id = reader.GetGuid(0);
        var createdAt = reader.GetFieldValue<DateTimeOffset>(1);
        var microseconds = (createdAt.UtcTicks - DateTimeOffset.UnixEpoch.Ticks) / 10;
        return System.Buffers.Text.Base64Url.EncodeToString(Encoding.ASCII.GetBytes($"newest:0:{microseconds}:{id:N}"));
    }

    public async Task<Guid> ThreadWithRepliesAsync()
    {
        await using var command = database.CreateCommand($"select id from comments where article_id = '{BigArticle}' and reply_count = 3 and depth = 0 limit 1");
        return (Guid)(await command.ExecuteScalarAsync())!;
    }

    public Task<Throughput> GetAsync(string name, string path, int concurrency, TimeSpan duration) =>
        Closed.RunAsync(name, concurrency, duration, async () =>
        {
            using var response = await http.GetAsync(path);
            await response.Content.CopyToAsync(Stream.Null);
            return response.IsSuccessStatusCode;
        });
}
