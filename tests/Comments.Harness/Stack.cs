using System.Diagnostics;

namespace Comments.Harness;

/// <summary>The API and the worker of one scenario, as processes, against this run's PostgreSQL and RabbitMQ.</summary>
public sealed class Stack(HarnessSettings settings, Broker broker, HttpClient http)
{
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
        ["ASPNETCORE_URLS"] = settings.ApiUrl,
    };

    /// <summary>As run.sh starts it: the worker yields the CPU to the API and the broker.</summary>
    public const int WorkerNiceness = 10;

    public AppProcess Api { get; private set; } = null!;
    public AppProcess Worker { get; private set; } = null!;

    public async Task StartAsync(IReadOnlyDictionary<string, string>? workerSettings = null, IReadOnlyDictionary<string, string>? apiSettings = null)
    {
        Worker = new AppProcess("worker", settings.WorkerDirectory, "Moderation.Worker.dll", _environment, settings.LogDirectory, niceness: WorkerNiceness);
        Api = new AppProcess("api", settings.ApiDirectory, "Comments.Api.dll", _environment, settings.LogDirectory);
        Worker.Start(workerSettings);
        await WorkerConsumingAsync();
        Api.Start(apiSettings);
        await ApiReadyAsync();
    }

    public async Task RestartWorkerAsync(IReadOnlyDictionary<string, string>? workerSettings = null)
    {
        Worker.Start(workerSettings);
        await WorkerConsumingAsync();
    }

    public async Task RestartApiAsync()
    {
        Api.Start();
        await ApiReadyAsync();
    }

    public async Task StopAsync()
    {
        await Api.StopAsync();
        await Worker.StopAsync();
    }

    public async Task ApiReadyAsync()
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(90))
        {
            try
            {
                using var response = await http.GetAsync("/health/ready");
                if (response.IsSuccessStatusCode)
                {
                    Console.WriteLine($"    api ready after {waited.Elapsed.TotalSeconds:0.0} s");
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("the API did not become ready; see .data/faults/logs/api.log");
    }

    public async Task WorkerConsumingAsync()
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (await broker.ConsumersAsync(Contracts.QueueNames.ModerateComment) > 0)
            {
                Console.WriteLine($"    worker consuming after {waited.Elapsed.TotalSeconds:0.0} s");
                return;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("the worker did not start consuming; see .data/faults/logs/worker.log");
    }
}
