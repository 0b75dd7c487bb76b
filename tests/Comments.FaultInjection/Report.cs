using System.Text;

using Comments.Harness;

namespace Comments.FaultInjection;

/// <summary>Prints each scenario's counts and writes the latest results into docs/reliability.md.</summary>
public static class Report
{
    private const string Start = "<!-- fault-injection results: written by scripts/faults.sh -->";
    private const string End = "<!-- end of fault-injection results -->";

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
        var table = new StringBuilder();
        table.AppendLine(Start);
        table.AppendLine($"Latest run: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, " +
            $"{settings.Comments} comments per scenario at {settings.RatePerSecond}/s from {settings.Readers} readers (`scripts/faults.sh`).");
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
        table.Append(End);

        var document = File.Exists(path) ? await File.ReadAllTextAsync(path) : $"# Reliability\n\n{Start}\n{End}\n";
        var from = document.IndexOf(Start, StringComparison.Ordinal);
        var to = document.IndexOf(End, StringComparison.Ordinal);
        document = from >= 0 && to > from
            ? document[..from] + table + document[(to + End.Length)..]
            : document.TrimEnd() + "\n\n" + table + "\n";
        await File.WriteAllTextAsync(path, document);
    }
}
