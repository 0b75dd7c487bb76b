namespace Comments.Bench;

/// <summary>
/// The 200-per-second step several times in a row after the warm-up (<c>scripts/bench.sh latency</c>): the target is
/// p99 submit-to-decision ≤ 50 ms in each run, so each run is printed with the machine's CPU beside it.
/// </summary>
public static class LatencyRuns
{
    public const int PerSecond = 200;
    public const double TargetP99Ms = 50;

    public static async Task MeasureAsync(SystemBench bench, int runs, TimeSpan duration)
    {
        Console.WriteLine($"== submit-to-decision at {PerSecond}/s, {runs} runs in a row");
        var met = 0;
        for (var run = 1; run <= runs; run++)
        {
            var ((sent, accepted, p50, p99), busy, stolen) = await MachineShare.WhileAsync(() => bench.IntakeAtRateAsync(PerSecond, duration));
            var ok = p99 <= TargetP99Ms && accepted == sent;
            met += ok ? 1 : 0;
            Console.WriteLine($"    run {run}: {accepted} of {sent} accepted, p50 {p50:0.0} ms, p99 {p99:0.0} ms; machine CPU busy {busy:0%}, stolen {stolen:0%}; p99 ≤ {TargetP99Ms} ms: {(ok ? "yes" : "NO")}");
        }
        Console.WriteLine($"    [{(met == runs ? "met" : "NOT MET")}] p99 ≤ {TargetP99Ms} ms at {PerSecond}/s in each of {runs} consecutive runs: {met} of {runs}");
    }
}
