using System.Text;
using Comments.Harness;

namespace Comments.Bench;

/// <summary>Collects one run's figures, prints them as they come, and writes them with their ratios and targets.</summary>
public sealed class PerformanceReport
{
    private static readonly GeneratedSection Results =
        new("<!-- benchmark results: written by scripts/bench.sh -->", "<!-- end of benchmark results -->");
    private readonly List<Throughput> _limits = [];
    private readonly List<Throughput> _reads = [];
    private readonly List<string> _rates = [];
    private readonly List<(string Target, string Measured, bool Met)> _targets = [];
    private Throughput? _intake;
    private double _decidedPerSecond;
    private Throughput? _skeleton;
    private double _skeletonStoredPerSecond;
    private string _skeletonCpu = "";
    private (double Api, double Worker) _memory;
    private string _intakeCpu = "";

    public void Limit(Throughput figure) => Print(_limits, figure);

    public void Read(Throughput figure) => Print(_reads, figure);

    public void IntakeCapacity(Throughput accepted, double decidedPerSecond, double busy, double stolen)
    {
        (_intake, _decidedPerSecond) = (accepted, decidedPerSecond);
        Console.WriteLine($"    {accepted}; decided end to end: {decidedPerSecond:0} /s; machine CPU busy {busy:0%}, stolen {stolen:0%}");
        if (_skeleton is not null)
        {
            Console.WriteLine($"    intake decided = {decidedPerSecond / _skeletonStoredPerSecond:P0} of the skeleton's {_skeletonStoredPerSecond:0} stored/s (target ≥ 25%)");
        }
    }

    /// <summary>The intake skeleton's closed loop (<see cref="SkeletonBench"/>): requests accepted, and comments stored per second.</summary>
    public void SkeletonCapacity(Throughput accepted, double storedPerSecond, double busy, double stolen)
    {
        (_skeleton, _skeletonStoredPerSecond) = (accepted, storedPerSecond);
        Console.WriteLine($"    {accepted}; stored end to end: {storedPerSecond:0} /s; machine CPU busy {busy:0%}, stolen {stolen:0%}");
    }

    public void SkeletonCpu(IReadOnlyDictionary<string, double> before, IReadOnlyDictionary<string, double> after, int stored)
    {
        _skeletonCpu = CpuPerComment(before, after, stored);
        Console.WriteLine($"    CPU during the skeleton's closed loop (per stored comment): {_skeletonCpu}");
    }

    /// <summary>Where the CPU went while the closed-loop intake ran and was decided: seconds per part, and per decided comment.</summary>
    public void IntakeCpu(IReadOnlyDictionary<string, double> before, IReadOnlyDictionary<string, double> after, int decided)
    {
        _intakeCpu = CpuPerComment(before, after, decided);
        Console.WriteLine($"    CPU during the closed-loop intake (per decided comment): {_intakeCpu}");
    }

    /// <summary>Seconds of CPU per part between two readings, and per comment in brackets.</summary>
    private static string CpuPerComment(IReadOnlyDictionary<string, double> before, IReadOnlyDictionary<string, double> after, int comments)
    {
        var parts = after.Select(part => (part.Key, Seconds: part.Value - before.GetValueOrDefault(part.Key))).ToList();
        return string.Join(", ", parts.Select(p => $"{p.Key} {p.Seconds:0.0} s ({1000 * p.Seconds / Math.Max(comments, 1):0.00} ms)"))
            + $"; total {parts.Sum(p => p.Seconds):0.0} s = {1000 * parts.Sum(p => p.Seconds) / Math.Max(comments, 1):0.00} ms per comment";
    }

    /// <param name="busy">Share of the machine's CPU busy during the step; <paramref name="stolen"/> taken by the hypervisor.</param>
    /// <param name="cpuBefore">The parts' CPU seconds before the step, and <paramref name="cpuAfter"/> after every accepted comment was decided.</param>
    public void IntakeAtRate(int rate, int sent, int accepted, double p50, double p99, double busy, double stolen,
        IReadOnlyDictionary<string, double> cpuBefore, IReadOnlyDictionary<string, double> cpuAfter)
    {
        var line = $"| {rate}/s | {sent} | {accepted} | {p50:0.0} ms | {p99:0.0} ms | {busy:0%} / {stolen:0%} |";
        _rates.Add(line);
        Console.WriteLine($"    at {rate}/s: {accepted} of {sent} accepted, submit-to-decision p50 {p50:0.0} ms, p99 {p99:0.0} ms; machine CPU busy {busy:0%}, stolen {stolen:0%}");
        Console.WriteLine($"      CPU per accepted comment: {CpuPerComment(cpuBefore, cpuAfter, accepted)}");
        if (rate == 200)
        {
            _targets.Add(("p99 submit-to-decision at 200/s ≤ 50 ms", $"{p99:0.0} ms", p99 <= 50 && accepted == sent));
        }
    }

    public void Memory(double api, double worker)
    {
        _memory = (api, worker);
        Console.WriteLine($"    peak RSS of the largest instance: API {api:0} MB, worker {worker:0} MB");
    }

    /// <param name="instances">How many APIs and workers ran, as the first line says it.</param>
    public async Task WriteAsync(string path, string instances)
    {
        var broker = _limits.First(l => l.Name.Contains("RabbitMQ"));
        var ping = _limits.First(l => l.Name.Contains("trivial"));
        var first = _reads.First(r => r.Name == "first page");
        var deep = _reads.First(r => r.Name.StartsWith("deep page"));
        var skeleton = _skeletonStoredPerSecond;
        _targets.Insert(0, ("intake decided ≥ 25% of the skeleton's stored per second (aim 50%)", $"{_decidedPerSecond:0}/s = {_decidedPerSecond / skeleton:P0} of {skeleton:0}/s", _decidedPerSecond >= skeleton / 4));
        _targets.Insert(1, ("intake end to end ≥ 50% of the raw broker round trip", $"{_decidedPerSecond:0}/s = {_decidedPerSecond / broker.PerSecond:P0} of {broker.PerSecond:0}/s", _decidedPerSecond >= broker.PerSecond / 2));
        _targets.Add(("first page ≥ 40% of the trivial endpoint's requests per second", $"{first.PerSecond:0}/s = {first.PerSecond / ping.PerSecond:P0} of {ping.PerSecond:0}/s", first.PerSecond >= ping.PerSecond * 0.4));
        _targets.Add(("first page p99 ≤ 10 ms", $"{first.P99Ms:0.0} ms", first.P99Ms <= 10));
        _targets.Add(("deep page within 20% of the first page's cost", $"{deep.P50Ms:0.0} ms vs {first.P50Ms:0.0} ms p50 ({deep.P50Ms / first.P50Ms - 1:+0%;-0%})", deep.P50Ms <= first.P50Ms * 1.2));
        // The worker's classifier models are resident on top (110 MB: Moderation.Benchmarks --model-memory, docs/performance.md).
        _targets.Add(("API peak RSS ≤ 250 MB, worker ≤ 300 MB + its models (110 MB)", $"{_memory.Api:0} MB, {_memory.Worker:0} MB", _memory.Api <= 250 && _memory.Worker <= 300 + 110));

        var text = new StringBuilder();
        text.AppendLine($"Latest run: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {instances}, RabbitMQ, PostgreSQL and the load generator on the same machine (`scripts/bench.sh`).");
        text.AppendLine();
        text.AppendLine("| Target | Measured | Met |");
        text.AppendLine("|---|---|---|");
        foreach (var (target, measured, met) in _targets)
        {
            text.AppendLine($"| {target} | {measured} | {(met ? "yes" : "**no**")} |");
        }
        text.AppendLine();
        text.AppendLine("| Measurement | Per second | p50 | p99 |");
        text.AppendLine("|---|---:|---:|---:|");
        foreach (var figure in _limits.Concat(_skeleton is null ? [] : [_skeleton]).Concat(_intake is null ? [] : [_intake]).Concat(_reads))
        {
            text.AppendLine($"| {figure.Name} | {figure.PerSecond:0} | {Milliseconds(figure.P50Ms)} | {Milliseconds(figure.P99Ms)} |");
        }
        text.AppendLine($"| skeleton stored end to end (closed loop, 32 callers) | {skeleton:0} | | |");
        text.AppendLine($"| intake decided end to end (closed loop, 32 callers) | {_decidedPerSecond:0} | | |");
        text.AppendLine();
        text.AppendLine($"CPU used while the skeleton's closed loop ran and was stored (per stored comment in brackets): {_skeletonCpu}.");
        text.AppendLine();
        text.AppendLine($"CPU used while the closed-loop intake ran and was decided (per decided comment in brackets): {_intakeCpu}.");
        text.AppendLine();
        text.AppendLine("| Fixed rate | Sent | Accepted | Submit-to-decision p50 | p99 | Machine CPU busy / stolen |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|");
        _rates.ForEach(line => text.AppendLine(line));

        foreach (var (target, measured, met) in _targets)
        {
            Console.WriteLine($"    [{(met ? "met" : "NOT MET")}] {target}: {measured}");
        }
        await Results.WriteAsync(path, "Performance", text.ToString());
    }

    private static string Milliseconds(double value) => double.IsNaN(value) ? "" : $"{value:0.0} ms";

    private static void Print(List<Throughput> list, Throughput figure)
    {
        list.Add(figure);
        Console.WriteLine($"    {figure}");
    }
}
