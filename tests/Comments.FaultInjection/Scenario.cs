using Comments.Contracts;
using Comments.Harness;

namespace Comments.FaultInjection;

/// <summary>What one scenario found: the counts, its own checks, and whether it passed.</summary>
public sealed record ScenarioResult(string Name, string Fault, Tally Tally, IReadOnlyList<(string Check, bool Held)> Checks)
{
    public bool Passed => Tally.Clean && Checks.All(c => c.Held);
}

/// <summary>The shared shape: start the stack, run the load with a fault part-way through, settle, judge.</summary>
public sealed class ScenarioRunner(FaultSettings settings, Stack stack, Load load, Ledger ledger, Broker broker)
{
    public static readonly TimeSpan SettleTimeout = TimeSpan.FromMinutes(4);

    public async Task<ScenarioResult> RunAsync(
        string name,
        string fault,
        Func<Task> injectFault,
        double faultAt,
        Func<IReadOnlyList<Attempt>, Tally, Task<IReadOnlyList<(string, bool)>>> check,
        IReadOnlyDictionary<string, string>? workerSettings = null,
        double loadFactor = 1)
    {
        var comments = (int)(settings.Comments * loadFactor);
        Console.WriteLine($"== {name}: {fault}");
        await stack.StartAsync(workerSettings);
        try
        {
            await WarmUpAsync(load, ledger, name);
            var articles = Enumerable.Range(0, 4).Select(i => $"fault-{name}-{DateTime.UtcNow:HHmmss}-{i}").ToList();
            var running = load.RunAsync(name, articles, comments);
            await Task.Delay(TimeSpan.FromSeconds(faultAt * comments / settings.RatePerSecond));
            await injectFault();
            var attempts = await running;
            Console.WriteLine($"    load done: {attempts.Count(a => a.Accepted)} of {attempts.Count} accepted; waiting for decisions");
            var tally = await ledger.SettleAsync(name, attempts, SettleTimeout);
            Console.WriteLine($"    left in the broker: {await broker.DepthAsync(QueueNames.ModerateComment)} in {QueueNames.ModerateComment}, " +
                $"{await broker.DepthAsync(QueueNames.ModerateComment + "_error")} in its error queue, {await broker.ConsumersAsync(QueueNames.ModerateComment)} consumers");
            var checks = await check(attempts, tally);
            var result = new ScenarioResult(name, fault, tally, checks);
            Report.Print(result);
            return result;
        }
        finally
        {
            await stack.StopAsync();
        }
    }

    /// <summary>
    /// A short load before the measured one, left out of the counts, as a newly started instance behind a load balancer
    /// gets traffic gradually. Without it, the first seconds after the API and the worker start (JIT, pools, caches,
    /// on 2 shared cores) sometimes held broker confirms past the intake's 3 × 2 s bound, and a few clients got 503
    /// before any fault was injected.
    /// </summary>
    public static async Task WarmUpAsync(Load load, Ledger ledger, string name)
    {
        // Rounds until one is accepted whole: after a cold start the broker's first confirms can take seconds (seen:
        // 122 of 200 refused, then 503s for 4.7 s more), and the intake's circuit needs a round to close again.
        for (var round = 1; round <= WarmUpRounds; round++)
        {
            var articles = new[] { $"warmup-{name}-{DateTime.UtcNow:HHmmss}-{round}" };
            var attempts = await load.RunAsync($"{name}-warmup", articles, WarmUpComments);
            var tally = await ledger.SettleAsync($"{name}-warmup", attempts, TimeSpan.FromMinutes(1));
            Console.WriteLine($"    warm-up {round}: {tally.Accepted} of {tally.Sent} accepted, {tally.Decided} decided in {tally.Drain.TotalSeconds:0.0} s after it");
            if (tally.Accepted == tally.Sent)
            {
                return;
            }
        }
    }

    private const int WarmUpComments = 200;
    private const int WarmUpRounds = 8;

    public static IReadOnlyList<(string, bool)> OnlyStatuses(IReadOnlyList<Attempt> attempts, params int[] allowed)
    {
        var others = attempts.Where(a => !allowed.Contains(a.Status)).GroupBy(a => a.Status).Select(g => $"{g.Key}×{g.Count()}").ToList();
        return [($"clients saw only {string.Join(" or ", allowed.Select(s => s == 0 ? "no answer" : s.ToString()))}{(others.Count > 0 ? $" (also: {string.Join(", ", others)})" : "")}", others.Count == 0)];
    }
}
