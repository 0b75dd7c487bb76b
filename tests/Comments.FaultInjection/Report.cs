using System.Text;
using Comments.Harness;

namespace Comments.FaultInjection;

/// <summary>Prints each scenario's counts and writes the latest results into docs/reliability.md.</summary>
public static class Report
{
    private static readonly GeneratedSection Results =
        new("<!-- fault-injection results: written by scripts/faults.sh -->", "<!-- end of fault-injection results -->");

    // faults.sh runs the cluster scenarios in a second pass, against a cluster it starts then: their own section.
    private static readonly GeneratedSection ClusterResults =
        new("<!-- fault-injection results on a RabbitMQ cluster: written by scripts/faults.sh -->", "<!-- end of fault-injection results on a RabbitMQ cluster -->");

    public static void Print(ScenarioResult result)
    {
        var t = result.Tally;
        Console.WriteLine($"    sent {t.Sent}, accepted {t.Accepted}, refused {t.Refused}, no answer {t.NoAnswer}, decided {t.Decided}, " +
            $"lost {t.Lost}, duplicate comments {t.DuplicateComments}, duplicate decisions {t.DuplicateDecisions}, " +
            $"stored without a 202 {t.StoredWithout202}, all decided {t.Drain.TotalSeconds:0} s after the load");
        Console.WriteLine($"    client statuses: {t.StatusSummary}; {t.Latency}");
        foreach (var (check, held) in result.Checks)
        {
            Console.WriteLine($"    [{(held ? "ok" : "FAILED")}] {check}");
        }
        Console.WriteLine($"    => {(result.Passed ? "PASSED" : "FAILED")}");
    }

    public static async Task WriteAsync(string path, FaultSettings settings, IReadOnlyList<ScenarioResult> results)
    {
        var nodes = Environment.GetEnvironmentVariable("RABBIT_NODES") is { Length: > 0 } configured ? int.Parse(configured) : 1;
        var broker = nodes > 1 ? $"RabbitMQ: {nodes} nodes with {Environment.GetEnvironmentVariable("RABBIT_QUEUE_TYPE") ?? "classic"} intake queues" : "RabbitMQ: one node";
        var table = new StringBuilder();
        table.AppendLine($"Latest run: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, " +
            $"{settings.Harness.Apis} APIs and {settings.Harness.Workers} workers, {broker}, {settings.Comments} comments per scenario at {settings.RatePerSecond}/s " +
            $"from {settings.Readers} readers spread over the APIs in turn (`scripts/faults.sh`).");
        table.AppendLine();
        table.AppendLine("| Scenario | Fault | Sent | 202 | Refused | No answer | Decided | Lost | Dup. comments | Dup. decisions | Stored without 202 | Drain | Result |");
        table.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in results)
        {
            var t = r.Tally;
            table.AppendLine($"| {r.Name} | {r.Fault} | {t.Sent} | {t.Accepted} | {t.Refused} | {t.NoAnswer} | {t.Decided} | {t.Lost} | " +
                $"{t.DuplicateComments} | {t.DuplicateDecisions} | {t.StoredWithout202} | {t.Drain.TotalSeconds:0} s | {(r.Passed ? "passed" : "**failed**")} |");
        }
        table.AppendLine();
        foreach (var r in results)
        {
            table.AppendLine($"- **{r.Name}**: client statuses {r.Tally.StatusSummary}" +
                string.Concat(r.Checks.Select(c => $"; {(c.Held ? "✓" : "✗")} {c.Check}")));
        }

        await (nodes > 1 ? ClusterResults : Results).WriteAsync(path, "Reliability", table.ToString());
    }
}
