using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Comments.Harness;
using Npgsql;

namespace Comments.FaultInjection;

/// <summary>
/// The README's run command as a user meets it: every page and asset the README names answers from the build output
/// the script runs, and a worker or API killed with SIGKILL is started again by the script's supervisor while the
/// rest of the system keeps working. Ctrl-C then stops everything.
/// </summary>
public sealed partial class RunScriptScenario(FaultSettings settings, RunScriptSettings runSettings, Tokens tokens)
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromMinutes(6);
    private static readonly TimeSpan RestartDeadline = TimeSpan.FromSeconds(90);

    /// <summary>The pages the README names; the scripts and styles they load are found in them.</summary>
    private static readonly string[] Pages = ["/demo/articles/flood-defences", "/moderate", "/support", "/transparency", "/transparency.js", "/embed.js", "/embed.css"];

    public async Task<ScenarioResult> RunAsync()
    {
        const string name = "run-script";
        Console.WriteLine($"== {name}: scripts/run.sh; fetch every page; SIGKILL its worker under load at 40%, then its API");
        var script = new RunScript(settings.Harness, runSettings);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 2000 }) { BaseAddress = new Uri(runSettings.ApiUrl), Timeout = TimeSpan.FromSeconds(30) };
        await using var database = NpgsqlDataSource.Create(script.ConnectionString);
        var checks = new List<(string, bool)>();
        var stopped = false;
        await script.ResetAsync();
        script.Start();
        try
        {
            var ready = await WaitAsync(() => ReadyAsync(http), StartDeadline, () => script.HasExited);
            checks.Add(("scripts/run.sh built, migrated and started the system, ready within 6 minutes", ready));
            if (!ready)
            {
                return Finish(name, EmptyTally(name), checks);
            }
            checks.AddRange(await PageChecksAsync(http));

            if ((script.PidOf("worker"), script.PidOf("api")) is not (int firstWorker, int firstApi))
            {
                checks.Add(("scripts/run.sh wrote the process ids of the worker and the API under .data/faults-run", false));
                return Finish(name, EmptyTally(name), checks);
            }
            var load = new Load(new Readers(http, tokens), settings with { Comments = 1000 });
            await ScenarioRunner.WarmUpAsync(load, new Ledger(database), name);
            var articles = Enumerable.Range(0, 4).Select(i => $"fault-{name}-{DateTime.UtcNow:HHmmss}-{i}").ToList();
            var running = load.RunAsync(name, articles, 1000);
            await Task.Delay(TimeSpan.FromSeconds(0.4 * 1000 / settings.RatePerSecond));
            Process.GetProcessById(firstWorker).Kill();
            Console.WriteLine($"    worker killed with SIGKILL (pid {firstWorker})");
            var attempts = await running;
            var tally = await new Ledger(database).SettleAsync(name, attempts, ScenarioRunner.SettleTimeout);
            checks.AddRange(ScenarioRunner.OnlyStatuses(attempts, 202));
            var secondWorker = script.PidOf("worker");
            checks.Add(($"the supervisor started the worker again (pid {firstWorker} -> {secondWorker}) and said so",
                secondWorker is not null && secondWorker != firstWorker && script.Printed("the worker exited with code 137")));
            checks.Add(("the API was not restarted while the worker was down", script.PidOf("api") == firstApi));

            Process.GetProcessById(firstApi).Kill();
            Console.WriteLine($"    api killed with SIGKILL (pid {firstApi})");
            var back = await WaitAsync(async () => script.PidOf("api") is { } pid && pid != firstApi && await ReadyAsync(http), RestartDeadline, () => script.HasExited);
            checks.Add(("the supervisor started the API again and it became ready", back && script.Printed("the api exited with code 137")));
            // The draft check loads both models and the encoder inside the API's capped GC heap (it once ran out of memory there).
            checks.Add(("a reader's draft check answered 200 from the restarted API",
                await new Readers(http, tokens).CheckAsync("run-script-reader", "The flood money went to the wrong towns, and the council knows it.")));

            stopped = await script.InterruptAsync(TimeSpan.FromSeconds(90));
            checks.Add(("Ctrl-C (SIGINT) stopped the API, the worker, PostgreSQL and RabbitMQ, and the script exited", stopped
                && !await ReadyAsync(http) && (secondWorker is not { } worker || !RunScript.IsRunning(worker))
                && !File.Exists(Path.Combine(script.DataDirectory, "postgres", "postmaster.pid"))));
            return Finish(name, tally, checks);
        }
        finally
        {
            if (!stopped)
            {
                await script.CleanUpAsync();
            }
        }
    }

    private static ScenarioResult Finish(string name, Tally tally, List<(string, bool)> checks)
    {
        var result = new ScenarioResult(name, "scripts/run.sh: SIGKILL its worker at 40% of the load, then its API; Ctrl-C", tally, checks);
        Report.Print(result);
        return result;
    }

    /// <summary>Each page, and each script and style a page loads, answers 200 with its content type.</summary>
    private static async Task<IReadOnlyList<(string, bool)>> PageChecksAsync(HttpClient http)
    {
        var checks = new List<(string, bool)>();
        var pending = new Queue<string>(Pages);
        var seen = new HashSet<string>(Pages);
        while (pending.TryDequeue(out var path))
        {
            using var response = await http.GetAsync(path);
            var type = response.Content.Headers.ContentType?.MediaType;
            var expected = Path.GetExtension(path) switch { ".js" => "text/javascript", ".css" => "text/css", _ => "text/html" };
            checks.Add(($"GET {path} answered {(int)response.StatusCode} {type}", response.StatusCode == HttpStatusCode.OK && type == expected));
            foreach (Match reference in AssetReference().Matches(await response.Content.ReadAsStringAsync()))
            {
                if (seen.Add(reference.Groups["path"].Value))
                {
                    pending.Enqueue(reference.Groups["path"].Value);
                }
            }
        }
        return checks;
    }

    private static async Task<bool> ReadyAsync(HttpClient http)
    {
        try
        {
            using var response = await http.GetAsync("/health/ready");
            return response.IsSuccessStatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>Polls until the condition holds, the deadline passes or the script has exited.</summary>
    private static async Task<bool> WaitAsync(Func<Task<bool>> condition, TimeSpan deadline, Func<bool> gaveUp)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < deadline && !gaveUp())
        {
            if (await condition())
            {
                return true;
            }
            await Task.Delay(500);
        }
        return false;
    }

    private static Tally EmptyTally(string name) => new(name, 0, 0, 0, 0, 0, 0, 0, 0, 0, new Dictionary<int, int>(), TimeSpan.Zero, "no load");

    /// <summary>Same-origin scripts and styles: src="/x.js", href="/x.css", import ... from "/x.js".</summary>
    [GeneratedRegex(@"(?:src=|href=|from\s*)""(?<path>/[a-z0-9./-]+\.(?:js|css))""")]
    private static partial Regex AssetReference();
}
