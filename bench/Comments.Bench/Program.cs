using Comments.Bench;
using Comments.Harness;
using Npgsql;

// The system benchmarks: scripts/bench.sh (which also runs the BenchmarkDotNet suite for the pipeline).
// BENCH_APIS and BENCH_WORKERS (1 each): how many of each run; the load goes to the APIs in turn. The first API's port
// (5793) leaves the fault runner's two (5790, 5791) and the intake skeleton's (5792) free.
var settings = HarnessSettings.FromEnvironment(Environment.GetEnvironmentVariable("PROFILE") ?? "bench", "http://127.0.0.1:5793", ("BENCH", 1));
var seconds = TimeSpan.FromSeconds(HarnessSettings.Number("BENCH_SECONDS", 10));
using var http = LoadClient.For(settings.ApiUrls);
await using var database = NpgsqlDataSource.Create(settings.ConnectionString);
await using var broker = new Broker(settings);
var stack = new Stack(settings, broker);
var limits = new Limits(broker.Connection, database);
var bench = new SystemBench(http, new Readers(http, new Tokens(settings.SigningKey)), database);
var report = new PerformanceReport();
// BENCH_INTAKE_ONLY=1 runs the intake stages alone (for profiling one part): printed, not written to the docs.
var intakeOnly = HarnessSettings.Number("BENCH_INTAKE_ONLY", 0) == 1;
// BENCH_WORKER_ONLY=1 runs the trivial endpoint (a gauge of how busy the machine is), the warm-up and then the worker
// alone (WorkerBacklog): printed, not written to the docs.
var workerOnly = HarnessSettings.Number("BENCH_WORKER_ONLY", 0) == 1;
// BENCH_SKELETON_ONLY=1 runs the intake skeleton's stage alone (SkeletonBench), for debugging it: printed.
var skeletonOnly = HarnessSettings.Number("BENCH_SKELETON_ONLY", 0) == 1;
// BENCH_LATENCY_ONLY=1 (scripts/bench.sh latency): the warm-up, then the 200/s step BENCH_LATENCY_RUNS times (5): printed.
var latencyOnly = HarnessSettings.Number("BENCH_LATENCY_ONLY", 0) == 1;

// BENCH_SEED_COMMENTS=N: N comments and their decisions already stored before anything is measured (SeededDatabase).
if (HarnessSettings.Number("BENCH_SEED_COMMENTS", 0) is > 0 and var seeded)
{
    await new SeededDatabase(database).SeedAsync(seeded);
}

// BENCH_SEARCH_ONLY=1 (scripts/bench.sh search) measures moderator search alone (SearchBench): printed, not written to the docs.
if (HarnessSettings.Number("BENCH_SEARCH_ONLY", 0) == 1)
{
    var search = new SearchBench(http, new Tokens(settings.SigningKey), database);
    Console.WriteLine("== moderator search: seeding the 100,000-comment article and a million more comments");
    await bench.SeedBigArticleAsync();
    await search.SeedAsync(settings.Root);
    await stack.StartAsync();
    try
    {
        await search.MeasureAsync(perKind: HarnessSettings.Number("BENCH_SEARCHES", 300), concurrency: HarnessSettings.Number("BENCH_SEARCH_CONCURRENCY", 2));
    }
    finally
    {
        await stack.StopAsync();
    }
    return;
}

// BENCH_LIVE_ONLY=1 (scripts/bench.sh live) measures live discussion alone (LiveBench): printed, not written to the docs.
if (HarnessSettings.Number("BENCH_LIVE_ONLY", 0) == 1)
{
    var streams = HarnessSettings.Number("BENCH_LIVE_STREAMS", 2_000);
    // The bench's streams all come from one address: the per-client cap (50 by default) would refuse them.
    await stack.StartAsync(apiSettings: new Dictionary<string, string>
    {
        ["Live__MaxStreamsPerClient"] = (streams + 10).ToString(),
        ["RateLimits__LiveOpensPerWindow"] = (streams + 10).ToString(),
    });
    try
    {
        // The streams open on the first API, whose memory is measured; the comments go to every API in turn.
        await new LiveBench(settings.ApiUrl, new Readers(http, new Tokens(settings.SigningKey)), database, stack.Apis[0])
            .MeasureAsync(streams, decisions: HarnessSettings.Number("BENCH_LIVE_DECISIONS", 200), perSecond: HarnessSettings.Number("BENCH_LIVE_RATE", 5));
    }
    finally
    {
        await stack.StopAsync();
    }
    return;
}

if (!intakeOnly && !workerOnly && !skeletonOnly && !latencyOnly)
{
    Console.WriteLine("== limits of the parts");
    report.Limit(await limits.BrokerRoundTripAsync(10_000));
    report.Limit(await limits.BatchedInsertAsync(20_000));
}
// Before the system starts, so that the API and the worker take none of the machine while it is measured.
if (!workerOnly && !latencyOnly)
{
    await new SkeletonBench(settings, database).MeasureAsync(report, seconds);
    if (skeletonOnly)
    {
        return;
    }
}

await stack.StartAsync();
try
{
    PrintMemory("at start");
    if (!intakeOnly && !latencyOnly)
    {
        report.Limit(await bench.PingAsync(concurrency: 16, seconds));
        PrintMemory("after the trivial endpoint");
    }

    Console.WriteLine("== intake");
    // The first thousands of comments run while the JIT is still compiling and re-compiling (measured: up to 1 s of
    // JIT time per second in the worker); a service runs for days, so the figures below are taken after a warm-up.
    await bench.IntakeCapacityAsync(concurrency: 32, seconds, "warm-up (not counted)");
    var cpu = new CpuMeter(stack);
    if (workerOnly)
    {
        await new WorkerBacklog(broker, bench).MeasureAsync(cpu, seconds);
        return; // after the finally below has stopped the stack
    }
    if (latencyOnly)
    {
        await LatencyRuns.MeasureAsync(bench, HarnessSettings.Number("BENCH_LATENCY_RUNS", 5), seconds);
        return;
    }
    var cpuBefore = cpu.ReadSeconds();
    var ((accepted, decided, decidedPerSecond), intakeBusy, intakeStolen) = await MachineShare.WhileAsync(() => bench.IntakeCapacityAsync(concurrency: 32, seconds * 1.5));
    report.IntakeCapacity(accepted, decidedPerSecond, intakeBusy, intakeStolen);
    report.IntakeCpu(cpuBefore, cpu.ReadSeconds(), decided);
    PrintMemory("after the closed-loop intake");
    foreach (var rate in new[] { 50, 200, 1000 })
    {
        var partsBefore = cpu.ReadSeconds();
        var ((sent, ok, p50, p99), busy, stolen) = await MachineShare.WhileAsync(() => bench.IntakeAtRateAsync(rate, seconds));
        report.IntakeAtRate(rate, sent, ok, p50, p99, busy, stolen, partsBefore, cpu.ReadSeconds());
        PrintMemory($"after {rate}/s");
    }

    if (intakeOnly)
    {
        return; // after the finally below has stopped the stack
    }
    Console.WriteLine("== reads of an article with 100,000 comments");
    await bench.SeedBigArticleAsync();
    var article = SystemBench.BigArticle;
    report.Read(await bench.GetAsync("first page", $"/api/articles/{article}/comments", 16, seconds));
    report.Read(await bench.GetAsync("deep page (after 50,000)", $"/api/articles/{article}/comments?cursor={await bench.CursorAtAsync(50_000)}", 16, seconds));
    report.Read(await bench.GetAsync("replies of a thread", $"/api/comments/{await bench.ThreadWithRepliesAsync()}/replies", 16, seconds));
    report.Read(await bench.GetAsync("article stats", $"/api/articles/{article}/stats", 16, seconds));

    PrintMemory("after the reads");
    report.Read(await bench.DraftCheckAsync(concurrency: 4, seconds));
    PrintMemory("after the draft checks");
    report.Memory(stack.Apis.Max(api => api.PeakResidentMegabytes), stack.Workers.Max(worker => worker.PeakResidentMegabytes));
}
finally
{
    await stack.StopAsync();
}

await report.WriteAsync(Path.Combine(settings.Root, "docs", "performance.md"), $"{settings.Apis} API(s) and {settings.Workers} worker(s)");

void PrintMemory(string when) => Console.WriteLine($"    memory {when}: " +
    string.Join(", ", stack.Processes.Select(p => $"{p.Process.Name} {p.Process.ResidentMegabytes:0} MB (peak {p.Process.PeakResidentMegabytes:0})")));
