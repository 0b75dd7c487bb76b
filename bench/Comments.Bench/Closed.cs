using System.Diagnostics;

namespace Comments.Bench;

/// <summary>Requests per second and latency percentiles of one measured operation.</summary>
public sealed record Throughput(string Name, int Count, double PerSecond, double P50Ms, double P99Ms, int Failures)
{
    public override string ToString() => $"{Name}: {PerSecond:0} /s, p50 {P50Ms:0.0} ms, p99 {P99Ms:0.0} ms ({Count} done, {Failures} failed)";
}

/// <summary>A closed loop: a fixed number of callers, each calling again as soon as it has its answer.</summary>
public static class Closed
{
    public static async Task<Throughput> RunAsync(string name, int concurrency, TimeSpan duration, Func<Task<bool>> call)
    {
        var latencies = new List<double>[concurrency];
        var failures = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var mine = latencies[worker] = [];
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                bool ok;
                try
                {
                    ok = await call();
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                {
                    ok = false;
                }
                if (!ok)
                {
                    Interlocked.Increment(ref failures);
                }
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }));
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new Throughput(name, all.Length, all.Length / clock.Elapsed.TotalSeconds, Percentile(all, 0.5), Percentile(all, 0.99), failures);
    }

    public static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * p))];
}
