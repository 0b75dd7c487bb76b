using System.Diagnostics;
using Comments.Contracts;
using Comments.Harness;

namespace Comments.Bench;

/// <summary>
/// The worker alone: comments sent straight to its queue, as the API sends them, so that the API's share of the
/// machine is out of the figures: a backlog drained as fast as the worker can, and a steady trickle for latency.
/// </summary>
public sealed class WorkerBacklog(Broker broker, SystemBench bench)
{
    /// <summary>A backlog of <c>BENCH_BACKLOG</c> comments (5,000), then 50 and 200 a second; printed.</summary>
    public async Task MeasureAsync(CpuMeter cpu, TimeSpan duration)
    {
        Console.WriteLine("== the worker alone");
        var before = cpu.ReadSeconds();
        var (decided, perSecond) = await DrainAsync(HarnessSettings.Number("BENCH_BACKLOG", 5000));
        var after = cpu.ReadSeconds();
        double PerComment(string part) => 1000 * (after[part] - before[part]) / Math.Max(decided, 1);
        Console.WriteLine($"    backlog sent straight to the queue: {decided} decided, {perSecond:0} /s; CPU per comment: worker {PerComment("worker"):0.00} ms, PostgreSQL {PerComment("PostgreSQL"):0.00} ms");
        foreach (var rate in new[] { 50, 200 })
        {
            var (p50, p99) = await TrickleAsync(rate, duration);
            Console.WriteLine($"    sent straight to the queue at {rate}/s: submit-to-decision p50 {p50:0.0} ms, p99 {p99:0.0} ms");
        }
    }

    /// <summary>Sends <paramref name="comments"/> at once (64 in flight) and waits until every one is decided.</summary>
    private async Task<(int Decided, double PerSecond)> DrainAsync(int comments)
    {
        var article = $"bench-backlog-{Guid.NewGuid():N}";
        var clock = Stopwatch.StartNew();
        using var inFlight = new SemaphoreSlim(64);
        await Task.WhenAll(Enumerable.Range(0, comments).Select(async i =>
        {
            await inFlight.WaitAsync();
            try
            {
                await broker.SendAsync(Comment(article, i), Guid.NewGuid());
            }
            finally
            {
                inFlight.Release();
            }
        }));
        var (decided, _) = await bench.WaitDecidedAsync(article, comments);
        return (decided, decided / clock.Elapsed.TotalSeconds);
    }

    /// <summary>One comment at a time at a fixed rate; submit-to-decision latency from the stored rows.</summary>
    private async Task<(double P50Ms, double P99Ms)> TrickleAsync(int perSecond, TimeSpan duration)
    {
        var article = $"bench-trickle-{Guid.NewGuid():N}";
        var total = (int)(perSecond * duration.TotalSeconds);
        var clock = Stopwatch.StartNew();
        var sends = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var wait = TimeSpan.FromSeconds((double)i / perSecond) - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }
            sends.Add(broker.SendAsync(Comment(article, i), Guid.NewGuid()));
        }
        await Task.WhenAll(sends);
        var (_, latencies) = await bench.WaitDecidedAsync(article, total);
        return (Closed.Percentile(latencies, 0.5), Closed.Percentile(latencies, 0.99));
    }

    /// <summary>The intake's readers and articles; the submit time cut to PostgreSQL's microseconds, as the API does.</summary>
    private static CommentSubmitted Comment(string article, int n)
    {
        var now = DateTimeOffset.UtcNow;
        return new CommentSubmitted
        {
            CommentId = Guid.CreateVersion7(),
            ArticleId = $"{article}-{n % 16}",
            AuthorId = $"bench-reader-{n % 500:D3}",
            AuthorName = "Bench Reader",
            AuthorRoles = ["reader"],
            Body = $"A measured comment number {Guid.NewGuid():N} about the report, thank you.",
            SubmittedAt = now.AddTicks(-(now.Ticks % 10)),
        };
    }
}
