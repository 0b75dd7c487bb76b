using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.ServerSentEvents;
using System.Text.Json;
using Comments.Harness;
using Npgsql;

namespace Comments.Bench;

/// <summary>
/// Live discussion (scripts/bench.sh live): thousands of event streams open on one article against the real API, comments
/// posted and decided by the worker one after another, and for each decision the time from its being stored
/// (<c>decisions.decided_at</c>) to the last stream receiving it; the API's resident memory with the streams open.
/// </summary>
public sealed class LiveBench(string apiUrl, Readers readers, NpgsqlDataSource database, AppProcess api)
{
    private readonly ConcurrentDictionary<Guid, ConcurrentBag<DateTimeOffset>> _arrivals = new();
    private int _ready;
    private int _ended;

    public async Task MeasureAsync(int streams, int decisions, int perSecond)
    {
        var articleId = $"bench-live-{Guid.NewGuid():N}"[..24];
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = streams + 10, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10) };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(apiUrl), Timeout = Timeout.InfiniteTimeSpan };
        using var stop = new CancellationTokenSource();
        var before = api.ResidentMegabytes;
        var opening = Stopwatch.StartNew();
        var readersTasks = new List<Task>();
        for (var i = 0; i < streams; i++)
        {
            readersTasks.Add(ReadAsync(client, articleId, stop.Token));
            if (i % 100 == 99)
            {
                await Task.Delay(50); // a few hundred connections a second, as readers arrive, not one SYN flood
            }
        }
        await WaitAsync(() => Volatile.Read(ref _ready) + Volatile.Read(ref _ended) >= streams, TimeSpan.FromMinutes(2), "every stream to open");
        Console.WriteLine($"    {_ready:N0} of {streams:N0} streams open in {opening.Elapsed.TotalSeconds:0.0} s ({_ended} refused or ended); API {before:0} MB before, {api.ResidentMegabytes:0} MB now");

        var open = _ready - _ended;
        // The first decisions pay for compiling the relay's path and its query (over a second): not counted.
        var warmUp = await PostAsync(articleId, "warm-up", 10, perSecond);
        await WaitAsync(() => Delivered(warmUp, open), TimeSpan.FromMinutes(1), "the warm-up decisions");
        var ids = await PostAsync(articleId, "measured", decisions, perSecond);
        var complete = await WaitAsync(() => Delivered(ids, open), TimeSpan.FromMinutes(2), "every stream to receive every decision");
        var withStreams = api.ResidentMegabytes;
        var peak = api.PeakResidentMegabytes;

        var decidedAt = await DecidedAtAsync(ids);
        var lastArrivals = ids.Where(id => decidedAt.ContainsKey(id) && _arrivals.ContainsKey(id))
            .Select(id => (_arrivals[id].Max() - decidedAt[id]).TotalMilliseconds).Order().ToList();
        var firstArrivals = ids.Where(id => decidedAt.ContainsKey(id) && _arrivals.ContainsKey(id))
            .Select(id => (_arrivals[id].Min() - decidedAt[id]).TotalMilliseconds).Order().ToList();
        var missing = ids.Sum(id => open - (_arrivals.TryGetValue(id, out var seen) ? seen.Count : 0));
        await stop.CancelAsync();
        await Task.WhenAll(readersTasks);

        Console.WriteLine($"== live discussion: {open:N0} streams on one article, {ids.Count} decisions at {perSecond}/s after {warmUp.Count} as warm-up{(complete ? "" : " (NOT all delivered)")}");
        Console.WriteLine($"    decision stored -> last stream:  p50 {Percentile(lastArrivals, 0.50):0} ms, p99 {Percentile(lastArrivals, 0.99):0} ms, max {lastArrivals.LastOrDefault():0} ms");
        Console.WriteLine($"    decision stored -> first stream: p50 {Percentile(firstArrivals, 0.50):0} ms, p99 {Percentile(firstArrivals, 0.99):0} ms");
        Console.WriteLine($"    deliveries missing: {missing} of {(long)open * ids.Count:N0}");
        Console.WriteLine($"    API resident memory: {before:0} MB before the streams, {withStreams:0} MB with them open after the decisions (peak {peak:0} MB)");
    }

    private bool Delivered(List<Guid> ids, int streams) => ids.All(id => _arrivals.TryGetValue(id, out var seen) && seen.Count >= streams);

    /// <summary>Comments posted at a steady rate by a few readers; the worker publishes each (plain text, approved).</summary>
    private async Task<List<Guid>> PostAsync(string articleId, string what, int count, int perSecond)
    {
        var ids = new List<Guid>();
        var pace = Stopwatch.StartNew();
        for (var n = 0; n < count; n++)
        {
            var (status, id) = await readers.PostAsync($"bench-live-reader-{n % 20}", articleId, $"Live comment number {n} ({what}) on the flood barrier, posted by the bench.");
            if (id is { } accepted)
            {
                ids.Add(accepted);
            }
            else
            {
                Console.WriteLine($"    post {n} answered {(int)status}");
            }
            var due = TimeSpan.FromSeconds((n + 1) / (double)perSecond);
            if (due > pace.Elapsed)
            {
                await Task.Delay(due - pace.Elapsed);
            }
        }
        return ids;
    }

    private async Task ReadAsync(HttpClient client, string articleId, CancellationToken stop)
    {
        try
        {
            using var response = await client.GetAsync($"/api/articles/{articleId}/events", HttpCompletionOption.ResponseHeadersRead, stop);
            if (!response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref _ended);
                return;
            }
            await using var body = await response.Content.ReadAsStreamAsync(stop);
            await foreach (var item in SseParser.Create(body).EnumerateAsync(stop))
            {
                var now = DateTimeOffset.UtcNow;
                if (item.EventType == "ready")
                {
                    Interlocked.Increment(ref _ready);
                }
                else if (item.EventType == "comment")
                {
                    using var data = JsonDocument.Parse(item.Data);
                    _arrivals.GetOrAdd(data.RootElement.GetProperty("commentId").GetGuid(), _ => []).Add(now);
                }
            }
            Interlocked.Increment(ref _ended);
        }
        catch (Exception exception) when (exception is OperationCanceledException or HttpRequestException or IOException)
        {
            if (!stop.IsCancellationRequested)
            {
                Interlocked.Increment(ref _ended);
            }
        }
    }

    private async Task<Dictionary<Guid, DateTimeOffset>> DecidedAtAsync(List<Guid> ids)
    {
        await using var command = database.CreateCommand("select comment_id, min(decided_at) from decisions where comment_id = any($1) and outcome = 'approved' group by comment_id");
        command.Parameters.Add(new NpgsqlParameter { Value = ids.ToArray() });
        await using var reader = await command.ExecuteReaderAsync();
        var decided = new Dictionary<Guid, DateTimeOffset>();
        while (await reader.ReadAsync())
        {
            decided[reader.GetGuid(0)] = reader.GetFieldValue<DateTimeOffset>(1);
        }
        return decided;
    }

    private static async Task<bool> WaitAsync(Func<bool> done, TimeSpan limit, string what)
    {
        var waited = Stopwatch.StartNew();
        while (!done())
        {
            if (waited.Elapsed > limit)
            {
                Console.WriteLine($"    gave up after {limit.TotalSeconds:0} s waiting for {what}");
                return false;
            }
            await Task.Delay(100);
        }
        return true;
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
