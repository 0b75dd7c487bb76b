using Comments.FaultInjection;
using Comments.Harness;
using Npgsql;

// Fault injection against the real system: scripts/faults.sh [scenario ...] (all of them when none is named).
var settings = FaultSettings.FromEnvironment();
var harness = settings.Harness;
var names = args.Length > 0 ? args : Scenarios.Names;

// The load and the scenarios' own calls go to the APIs in turn, as through a load balancer.
using var http = RoundRobinApis.CreateClient(harness.ApiUrls,
    new SocketsHttpHandler { MaxConnectionsPerServer = 2000, PooledConnectionLifetime = TimeSpan.FromMinutes(1) }, TimeSpan.FromSeconds(30));
await using var database = NpgsqlDataSource.Create(harness.ConnectionString);
await using var broker = new Broker(harness);
var tokens = new Tokens(harness.SigningKey);
var stack = new Stack(harness, broker);
var load = new Load(new Readers(http, tokens), settings);
var runner = new ScenarioRunner(settings, stack, load, new Ledger(database), broker);
var runScript = new RunScriptScenario(settings, RunScriptSettings.FromEnvironment(), tokens);
var scenarios = new Scenarios(runner, stack, load, new Services(harness.Root), broker, http, tokens, database, runScript);

var results = new List<ScenarioResult>();
foreach (var name in names)
{
    results.Add(await scenarios.RunAsync(name));
}

await Report.WriteAsync(settings.ReportPath, settings, results);
Console.WriteLine($"{results.Count(r => r.Passed)} of {results.Count} scenarios passed; results in {settings.ReportPath}");
return results.All(r => r.Passed) ? 0 : 1;
