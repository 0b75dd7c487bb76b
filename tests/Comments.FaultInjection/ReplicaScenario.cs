using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;

namespace Comments.FaultInjection;

/// <summary>
/// Issue 23: the intake load while the APIs read public listings from the streaming replica (faults.sh starts it and
/// sets ConnectionStrings__CommentsRead). Readers page the load's articles meanwhile and the replication lag is
/// sampled on the primary; once the replica has caught up, every decided public comment must be in the listings.
/// </summary>
public sealed partial class ReplicaScenario(ScenarioRunner runner, HttpClient http, NpgsqlDataSource primary)
{
    private static readonly TimeSpan SampleEvery = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan ReadEvery = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxReplayLag = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan CatchUpTimeout = TimeSpan.FromSeconds(60);

    private readonly string _replica = Environment.GetEnvironmentVariable("ConnectionStrings__CommentsRead") ?? "";

    public async Task<ScenarioResult> RunAsync()
    {
        using var stop = new CancellationTokenSource();
        var started = DateTimeOffset.UtcNow;
        Task<LagFigures> sampling = Task.FromResult(LagFigures.None);
        Task<(int Reads, int Failed)> reading = Task.FromResult((0, 0));
        return await runner.RunAsync(
            "replica", "none: the APIs read public listings from a streaming replica; replication lag sampled every 250 ms, listings read 10 times a second",
            () =>
            {
                sampling = SampleLagAsync(stop.Token);
                reading = ReadListingsAsync(started, stop.Token);
                return Task.CompletedTask;
            },
            faultAt: 0.1,
            async (attempts, _) =>
            {
                await stop.CancelAsync();
                var lag = await sampling;
                var (listingReads, failed) = await reading;
                var caughtUp = await CatchUpAsync();
                var articles = attempts.Select(a => a.ArticleId).Distinct().ToList();
                var (expected, missing, extra) = await CompareListingsAsync(articles);
                var reads = await PublicReadsAsync();
                var replicaReads = reads.GetValueOrDefault("replica");
                Console.WriteLine($"    replication lag under the load: {lag}; caught up {caughtUp?.TotalSeconds:0.00} s after the load");
                return
                [
                    .. ScenarioRunner.OnlyStatuses(attempts, 202),
                    ("a replica is configured (ConnectionStrings__CommentsRead)", _replica.Length > 0),
                    ($"the replica was streaming in every lag sample ({lag.Streaming} of {lag.Samples})", lag.Samples > 0 && lag.Streaming == lag.Samples),
                    ($"the replica stayed within {MaxReplayLag.TotalSeconds:0} s of the primary under the load ({lag})",
                        lag.MaxReplay < MaxReplayLag && lag.VisibleSeconds.Max < MaxReplayLag.TotalSeconds),
                    ($"every listing read during the load answered 200 ({listingReads - failed} of {listingReads})", listingReads > 0 && failed == 0),
                    ($"the replica replayed everything within {CatchUpTimeout.TotalSeconds:0} s of the load's end ({caughtUp?.TotalSeconds:0.00} s)", caughtUp is not null),
                    ($"every decided public comment is in the listings ({expected - missing} of {expected}; {extra} listed that are not public)", missing == 0 && extra == 0 && expected > 0),
                    ($"the replica served the API's public reads that missed the cache (comments_public_reads_total: {string.Join(", ", reads.Select(r => $"{r.Key} {r.Value}"))})", replicaReads > 0),
                ];
            });
    }

    /// <summary>
    /// Every 250 ms, the primary's view of its one replica (bytes not yet replayed, replay_lag, which the replica reports
    /// only with its next reply), and what a reader meets: how long until the replica has replayed the primary's
    /// position of that moment (polled every 5 ms).
    /// </summary>
    private async Task<LagFigures> SampleLagAsync(CancellationToken stop)
    {
        var bytes = new List<long>();
        var replay = new List<double>();
        var visible = new List<double>();
        var samples = 0;
        await using var replica = NpgsqlDataSource.Create(_replica.Length > 0 ? _replica : "Host=unused");
        while (!stop.IsCancellationRequested)
        {
            samples++;
            try
            {
                if (_replica.Length > 0)
                {
                    visible.Add(await VisibleAfterAsync(replica));
                }
                await using var command = primary.CreateCommand("""
                    select pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::bigint, coalesce(extract(epoch from replay_lag), 0)::float8
                    from pg_stat_replication where state = 'streaming' limit 1
                    """);
                await using var reader = await command.ExecuteReaderAsync(CancellationToken.None);
                if (await reader.ReadAsync(CancellationToken.None))
                {
                    bytes.Add(Math.Max(0, reader.GetInt64(0)));
                    replay.Add(reader.GetDouble(1));
                }
            }
            catch (NpgsqlException exception)
            {
                Console.WriteLine($"    lag sample failed: {exception.Message}");
            }
            await Task.Delay(SampleEvery, CancellationToken.None);
        }
        return LagFigures.Of(samples, bytes, replay, visible);
    }

    /// <summary>Seconds until the replica has replayed the primary's insert position read now (at most 10 s).</summary>
    private async Task<double> VisibleAfterAsync(NpgsqlDataSource replica)
    {
        var target = await ScalarAsync(primary, "select (pg_current_wal_insert_lsn() - '0/0'::pg_lsn)::bigint");
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(10) && await ScalarAsync(replica, "select (pg_last_wal_replay_lsn() - '0/0'::pg_lsn)::bigint") < target)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(5));
        }
        return waited.Elapsed.TotalSeconds;
    }

    /// <summary>The first page of each of the load's articles, as readers would, through the listing cache.</summary>
    private async Task<(int Reads, int Failed)> ReadListingsAsync(DateTimeOffset since, CancellationToken stop)
    {
        await using var command = primary.CreateCommand(
            "select distinct article_id from comments where article_id like 'fault-replica-%' and created_at >= $1");
        command.Parameters.Add(new NpgsqlParameter { Value = since });
        var articles = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(CancellationToken.None))
        {
            while (await reader.ReadAsync(CancellationToken.None))
            {
                articles.Add(reader.GetString(0));
            }
        }
        var (reads, failed) = (0, 0);
        while (!stop.IsCancellationRequested && articles.Count > 0)
        {
            var article = articles[reads % articles.Count];
            reads++;
            try
            {
                using var response = await http.GetAsync($"/api/articles/{Uri.EscapeDataString(article)}/comments?limit=50", CancellationToken.None);
                failed += response.IsSuccessStatusCode ? 0 : 1;
            }
            catch (HttpRequestException)
            {
                failed++;
            }
            await Task.Delay(ReadEvery, CancellationToken.None);
        }
        return (reads, failed);
    }

    /// <summary>How long after the load the replica replayed what the primary had written by then; null past the timeout.</summary>
    private async Task<TimeSpan?> CatchUpAsync()
    {
        if (_replica.Length == 0)
        {
            return null;
        }
        var target = await ScalarAsync(primary, "select (pg_current_wal_insert_lsn() - '0/0'::pg_lsn)::bigint");
        await using var replica = NpgsqlDataSource.Create(_replica);
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < CatchUpTimeout)
        {
            if (await ScalarAsync(replica, "select (pg_last_wal_replay_lsn() - '0/0'::pg_lsn)::bigint") >= target)
            {
                return waited.Elapsed;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
        return null;
    }

    /// <summary>Each article's public top-level comments on the primary against what its listing shows, page by page.</summary>
    private async Task<(int Expected, int Missing, int Extra)> CompareListingsAsync(IReadOnlyList<string> articles)
    {
        var (expected, missing, extra) = (0, 0, 0);
        foreach (var article in articles)
        {
            await using var command = primary.CreateCommand("""
                select id from comments where article_id = $1 and parent_id is null and status = 'approved' and hidden_at is null and deleted_at is null
                """);
            command.Parameters.Add(new NpgsqlParameter { Value = article });
            var stored = new HashSet<Guid>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    stored.Add(reader.GetGuid(0));
                }
            }
            var listed = await ListAllAsync(article);
            expected += stored.Count;
            missing += stored.Count(id => !listed.Contains(id));
            extra += listed.Count(id => !stored.Contains(id));
        }
        return (expected, missing, extra);
    }

    private async Task<HashSet<Guid>> ListAllAsync(string article)
    {
        var listed = new HashSet<Guid>();
        string? cursor = null;
        do
        {
            var url = $"/api/articles/{Uri.EscapeDataString(article)}/comments?sort=oldest&limit=100" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
            using var page = JsonDocument.Parse(await http.GetStringAsync(url));
            listed.UnionWith(page.RootElement.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));
            cursor = page.RootElement.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        return listed;
    }

    /// <summary>The API's comments_public_reads_total by source.</summary>
    private async Task<Dictionary<string, long>> PublicReadsAsync()
    {
        var metrics = await http.GetStringAsync("/metrics");
        return PublicReadsLine().Matches(metrics).GroupBy(m => m.Groups[1].Value)
            .ToDictionary(g => g.Key, g => g.Sum(m => (long)double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static async Task<long> ScalarAsync(NpgsqlDataSource database, string sql)
    {
        await using var command = database.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [GeneratedRegex(@"^comments_public_reads_total\{[^}]*source=""([a-z_]+)""[^}]*\} (\S+)", RegexOptions.Multiline)]
    private static partial Regex PublicReadsLine();
}

/// <summary>The replication lag seen in the samples: bytes not replayed, replay_lag, and a position's time to the replica.</summary>
public sealed record LagFigures(int Samples, int Streaming, Spread Bytes, Spread ReplaySeconds, Spread VisibleSeconds)
{
    public static readonly LagFigures None = new(0, 0, Spread.None, Spread.None, Spread.None);

    public TimeSpan MaxReplay => TimeSpan.FromSeconds(ReplaySeconds.Max);

    public static LagFigures Of(int samples, List<long> bytes, List<double> replaySeconds, List<double> visibleSeconds) =>
        new(samples, bytes.Count, Spread.Of([.. bytes.Select(b => (double)b)]), Spread.Of(replaySeconds), Spread.Of(visibleSeconds));

    public override string ToString() =>
        $"a primary position replayed on the replica after p50 {VisibleSeconds.P50 * 1000:0} ms, p99 {VisibleSeconds.P99 * 1000:0} ms, max {VisibleSeconds.Max * 1000:0} ms; " +
        $"replay_lag p50 {ReplaySeconds.P50 * 1000:0} ms, p99 {ReplaySeconds.P99 * 1000:0} ms, max {ReplaySeconds.Max * 1000:0} ms; " +
        $"not yet replayed p50 {Bytes.P50 / 1024:0.0} kB, p99 {Bytes.P99 / 1024:0.0} kB, max {Bytes.Max / 1024:0.0} kB";
}

/// <summary>The median, 99th percentile and maximum of some samples.</summary>
public sealed record Spread(double P50, double P99, double Max)
{
    public static readonly Spread None = new(0, 0, 0);

    public static Spread Of(List<double> samples)
    {
        if (samples.Count == 0)
        {
            return None;
        }
        samples.Sort();
        return new(samples[samples.Count / 2], samples[(int)(samples.Count * 0.99)], samples[^1]);
    }
}
