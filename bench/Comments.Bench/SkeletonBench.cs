using System.Diagnostics;
using Comments.Harness;
using Npgsql;

namespace Comments.Bench;

/// <summary>
/// The intake skeleton (bench/Intake.Skeleton) as a process of its own, loaded exactly as the system's intake is
/// (the same callers, readers, articles, payloads and durations) and counted the same way: rows stored with the
/// system's decision. Its closed-loop rate is the fair ceiling for "HTTP in, durable in the broker, stored".
/// </summary>
public sealed class SkeletonBench(HarnessSettings settings, NpgsqlDataSource database)
{
    public const string Url = "http://127.0.0.1:5792";

    public async Task MeasureAsync(PerformanceReport report, TimeSpan duration)
    {
        Console.WriteLine("== intake skeleton (raw parts: ASP.NET Core + JWT, RabbitMQ.Client confirms, Npgsql batches)");
        var skeleton = new AppProcess("skeleton", Path.Combine(settings.Root, "bench", "Intake.Skeleton", "bin", "Release", "net10.0"), "Intake.Skeleton.dll",
            new Dictionary<string, string>
            {
                ["ASPNETCORE_URLS"] = Url,
                ["Auth__SigningKey"] = settings.SigningKey,
                ["Auth__Issuer"] = Tokens.Issuer,
                ["Auth__Audience"] = Tokens.Audience,
            }, settings.LogDirectory);
        using var http = LoadClient.For([new Uri(Url)]);
        skeleton.Start();
        try
        {
            await ReadyAsync(http);
            var bench = new SystemBench(http, new Readers(http, new Tokens(settings.SigningKey)), database);
            await bench.IntakeCapacityAsync(concurrency: 32, duration, "skeleton warm-up (not counted)");
            var cpu = new CpuMeter(("skeleton", skeleton));
            var before = cpu.ReadSeconds();
            var ((accepted, stored, storedPerSecond), busy, stolen) = await MachineShare.WhileAsync(() => bench.IntakeCapacityAsync(concurrency: 32, duration * 1.5, "skeleton intake, closed loop"));
            report.SkeletonCapacity(accepted, storedPerSecond, busy, stolen);
            report.SkeletonCpu(before, cpu.ReadSeconds(), stored);
            Console.WriteLine($"    memory: skeleton peak {skeleton.PeakResidentMegabytes:0} MB");
        }
        finally
        {
            await skeleton.StopAsync();
        }
    }

    private async Task ReadyAsync(HttpClient http)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                using var response = await http.GetAsync("/health/ready");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"the intake skeleton did not answer; see {settings.LogDirectory}/skeleton.log");
    }
}
