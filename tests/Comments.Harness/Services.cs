using System.Diagnostics;

namespace Comments.Harness;

/// <summary>Stops and starts this profile's PostgreSQL and RabbitMQ with the same functions the scripts use.</summary>
public sealed class Services(string root)
{
    public Task StopRabbitMqAsync() => RunAsync("stop-rabbitmq");
    public Task StartRabbitMqAsync() => RunAsync("start-rabbitmq");
    public Task StopPostgresAsync() => RunAsync("stop-postgres");
    public Task StartPostgresAsync() => RunAsync("start-postgres");

    private async Task RunAsync(string action)
    {
        var started = Stopwatch.StartNew();
        var start = new ProcessStartInfo("bash", [Path.Combine(root, "scripts", "lib", "service-ctl.sh"), action]);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"service-ctl.sh {action} exited with {process.ExitCode}");
        }
        Console.WriteLine($"    {action} done in {started.Elapsed.TotalSeconds:0.0} s");
    }
}
