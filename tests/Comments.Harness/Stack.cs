using System.Diagnostics;

namespace Comments.Harness;

/// <summary>
/// The APIs and the workers of one scenario (<see cref="HarnessSettings.Apis"/> and <see cref="HarnessSettings.Workers"/>
/// of each), as processes, against this run's PostgreSQL and RabbitMQ. Logs: api-1.log, worker-1.log, ...
/// </summary>
public sealed class Stack(HarnessSettings settings, Broker broker)
{
    private static readonly HttpClient Probe = new() { Timeout = TimeSpan.FromSeconds(5) };
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(90);

    private readonly Dictionary<string, string> _environment = new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["DOTNET_ENVIRONMENT"] = "Production",
        ["Auth__SigningKey"] = settings.SigningKey,
        ["Auth__Issuer"] = Tokens.Issuer,
        ["Auth__Audience"] = Tokens.Audience,
        // The load's readers post far faster than a person: the documented load configuration raises their limit.
        ["RateLimits__PostingBurst"] = "1000000",
        ["RateLimits__PostingRefillSeconds"] = "1",
        ["RateLimits__DraftChecksPerWindow"] = "1000000",
        // ...and the load is a brigade by every measure (thousands of new accounts, hundreds a second on a few
        // articles): the watch would pre-moderate them. Its own test is BrigadeTests.
        ["BrigadeWatch__Enabled"] = "false",
        // The same for the worker's posting limit across APIs (PostingLimitTests, TwoInstanceTests): the load's readers
        // would be rejected at phase 4 and skip the phases the load is meant to exercise.
        ["PostingLimit__Enabled"] = "false",
        // Workers on one machine cannot share the scrape port (9464), and nothing scrapes them here.
        ["Metrics__ListenerPort"] = "0",
    };

    private IReadOnlyDictionary<string, string>? _workerSettings;
    private IReadOnlyDictionary<string, string>? _apiSettings;

    /// <summary>As run.sh starts it: the worker yields the CPU to the API and the broker.</summary>
    public const int WorkerNiceness = 10;

    public IReadOnlyList<AppProcess> Apis { get; private set; } = [];
    public IReadOnlyList<AppProcess> Workers { get; private set; } = [];

    /// <summary>The processes of both kinds, for readings over all of them.</summary>
    public IEnumerable<(string Kind, AppProcess Process)> Processes =>
        Apis.Select(api => ("API", api)).Concat(Workers.Select(worker => ("worker", worker)));

    /// <summary>Every worker, consuming, then every API, ready; the settings also apply when one is started again.</summary>
    public async Task StartAsync(IReadOnlyDictionary<string, string>? workerSettings = null, IReadOnlyDictionary<string, string>? apiSettings = null)
    {
        (_workerSettings, _apiSettings) = (workerSettings, apiSettings);
        Workers = [.. Enumerable.Range(1, settings.Workers).Select(i =>
            new AppProcess($"worker-{i}", settings.WorkerDirectory, "Moderation.Worker.dll", _environment, settings.LogDirectory, niceness: WorkerNiceness))];
        Apis = [.. settings.ApiUrls.Select((url, i) => new AppProcess($"api-{i + 1}", settings.ApiDirectory, "Comments.Api.dll",
            new Dictionary<string, string>(_environment) { ["ASPNETCORE_URLS"] = url.ToString().TrimEnd('/') }, settings.LogDirectory))];
        await RestartAsync([.. Workers]);
        await RestartAsync([.. Apis]);
    }

    /// <summary>SIGKILL to all of them at the same moment.</summary>
    public Task KillAsync(params AppProcess[] processes) => Task.WhenAll(processes.Select(p => p.KillAsync()));

    /// <summary>Starts them (killed or stopped before) and waits until every worker consumes and each API is ready.</summary>
    public async Task RestartAsync(params AppProcess[] processes)
    {
        foreach (var process in processes)
        {
            process.Start(Workers.Contains(process) ? _workerSettings : _apiSettings);
        }
        await Task.WhenAll(processes.Where(Apis.Contains).Select(ApiReadyAsync)
            .Append(processes.Any(Workers.Contains) ? WorkersConsumingAsync() : Task.CompletedTask));
    }

    public async Task StopAsync()
    {
        await Task.WhenAll(Apis.Select(api => api.StopAsync()));
        await Task.WhenAll(Workers.Select(worker => worker.StopAsync()));
    }

    private async Task ApiReadyAsync(AppProcess api)
    {
        var url = new Uri(settings.ApiUrls[Apis.ToList().IndexOf(api)], "/health/ready");
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < StartDeadline)
        {
            try
            {
                using var response = await Probe.GetAsync(url);
                if (response.IsSuccessStatusCode)
                {
                    Console.WriteLine($"    {api.Name} ready after {waited.Elapsed.TotalSeconds:0.0} s");
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{api.Name} did not become ready; see {settings.LogDirectory}/{api.Name}.log");
    }

    /// <summary>Until the queue has a consumer for each running worker (one each: a MassTransit receive endpoint).</summary>
    private async Task WorkersConsumingAsync()
    {
        var running = Workers.Count(w => w.ProcessId is not null);
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < StartDeadline)
        {
            if (await broker.ConsumersAsync(Contracts.QueueNames.ModerateComment) >= running)
            {
                Console.WriteLine($"    {running} worker(s) consuming after {waited.Elapsed.TotalSeconds:0.0} s");
                return;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"the workers did not start consuming; see {settings.LogDirectory}/worker-*.log");
    }
}
