using System.Diagnostics;

namespace Comments.Harness;

/// <summary>Stops and starts this profile's PostgreSQL and RabbitMQ with the same functions the scripts use.</summary>
public sealed class Services(string root)
{
    public Task StopRabbitMqAsync() => RunAsync("stop-rabbitmq");
    public Task StartRabbitMqAsync() => RunAsync("start-rabbitmq");
    public Task StopPostgresAsync() => RunAsync("stop-postgres");
    public Task StartPostgresAsync() => RunAsync("start-postgres");

    /// <summary>Node <paramref name="node"/> (1-based) of the RabbitMQ cluster that RABBIT_NODES started.</summary>
    public Task StopRabbitNodeAsync(int node) => RunAsync("stop-rabbit-node", node.ToString());
    public Task StartRabbitNodeAsync(int node) => RunAsync("start-rabbit-node", node.ToString());

    /// <summary>The node (1-based) holding the leader of quorum queue <paramref name="queue"/>.</summary>
    public async Task<int> RabbitLeaderAsync(string queue) => int.Parse(await RunAsync("rabbit-leader", queue));

    private async Task<string> RunAsync(params string[] action)
    {
        var started = Stopwatch.StartNew();
        var start = new ProcessStartInfo("bash", [Path.Combine(root, "scripts", "lib", "service-ctl.sh"), .. action]) { RedirectStandardOutput = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var name = string.Join(' ', action);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"service-ctl.sh {name} exited with {process.ExitCode}");
        }
        Console.WriteLine($"    {name} done in {started.Elapsed.TotalSeconds:0.0} s");
        return output.Trim();
    }
}
