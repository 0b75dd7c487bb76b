using System.Collections.Concurrent;
using System.Diagnostics;
using Comments.Harness;

namespace Comments.FaultInjection;

/// <summary>
/// <c>scripts/run.sh</c> as a user starts it, with its own profile, ports and data folder so that it runs beside this
/// run's services: the README's run command, its build, its supervision and its Ctrl-C.
/// </summary>
public sealed class RunScript(HarnessSettings harness, RunScriptSettings settings)
{
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;

    public string DataDirectory => Path.Combine(harness.Root, ".data", settings.Profile);

    public string ConnectionString => $"Host=127.0.0.1;Port={settings.PostgresPort};Username=postgres;Database=comments";

    public bool HasExited => _process is null || _process.HasExited;

    public bool Printed(string text) => _output.Any(line => line.Contains(text, StringComparison.Ordinal));

    /// <summary>
    /// The process id the script's supervisor wrote for "worker" or "api", or null while there is none; checked
    /// against the process's command line, so that a stale file never names someone else's process.
    /// </summary>
    public int? PidOf(string name)
    {
        var file = Path.Combine(DataDirectory, name + ".pid");
        var dll = name == "api" ? "Comments.Api.dll" : "Moderation.Worker.dll";
        return File.Exists(file) && int.TryParse(File.ReadAllText(file).Trim(), out var pid) && IsRunning(pid) && CommandLine(pid).Contains(dll) ? pid : null;
    }

    public static bool IsRunning(int pid)
    {
        try
        {
            return File.ReadLines($"/proc/{pid}/status").All(line => !(line.StartsWith("State:") && line.Contains("zombie")));
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
    }

    public void Start()
    {
        // A session of its own, as a terminal gives it, so that Ctrl-C can be sent to its whole process group.
        var start = new ProcessStartInfo("setsid", ["bash", Path.Combine(harness.Root, "scripts", "run.sh")])
        {
            WorkingDirectory = harness.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var environment = new Dictionary<string, string>
        {
            ["RUN_PROFILE"] = settings.Profile,
            ["PG_PORT"] = settings.PostgresPort.ToString(),
            ["AMQP_PORT"] = settings.AmqpPort.ToString(),
            ["MGMT_PORT"] = "",
            ["API_URL"] = settings.ApiUrl,
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["Auth__SigningKey"] = harness.SigningKey,
            ["Auth__Issuer"] = Tokens.Issuer,
            ["Auth__Audience"] = Tokens.Audience,
            // The load's readers post far faster than a person (the documented load configuration, as in Stack).
            ["RateLimits__PostingBurst"] = "1000000",
            ["RateLimits__PostingRefillSeconds"] = "1",
            ["PostingLimit__Enabled"] = "false",
            // No scrape port: a developer's own run.sh may hold the default one.
            ["Metrics__ListenerPort"] = "0",
            // Build nodes that outlive the build would hold the script's output open after it exits.
            ["MSBUILDDISABLENODEREUSE"] = "1",
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        // run.sh as a user runs it: its broker's store on disk, not where faults.sh keeps its own.
        start.Environment.Remove("RABBIT_MNESIA_DIR");
        // ...and its own single broker node and database, not faults.sh's replica or cluster settings.
        foreach (var inherited in start.Environment.Keys.Where(k => k.StartsWith("RabbitMq__", StringComparison.Ordinal)
            || k.StartsWith("RABBIT_", StringComparison.Ordinal) || k is "ConnectionStrings__CommentsRead" or "ConnectionStrings__Comments" or "PG_REPLICA_PORT").ToList())
        {
            start.Environment.Remove(inherited);
        }
        Directory.CreateDirectory(harness.LogDirectory);
        var log = TextWriter.Synchronized(new StreamWriter(Path.Combine(harness.LogDirectory, "run-script.log"), append: true) { AutoFlush = true });
        _process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        void Keep(string? line)
        {
            if (line is not null)
            {
                _output.Enqueue(line);
                log.WriteLine(line);
            }
        }
        _process.OutputDataReceived += (_, line) => Keep(line.Data);
        _process.ErrorDataReceived += (_, line) => Keep(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Console.WriteLine($"    scripts/run.sh started (pid {_process.Id}, profile {settings.Profile}, {settings.ApiUrl}); output in {harness.LogDirectory}/run-script.log");
    }

    /// <summary>
    /// SIGINT to the script's process group, as a terminal's Ctrl-C sends it: true when the script stopped everything
    /// and exited within the deadline.
    /// </summary>
    public async Task<bool> InterruptAsync(TimeSpan deadline)
    {
        if (_process is null || _process.HasExited)
        {
            return false;
        }
        using (var signal = Process.Start("kill", ["-INT", "--", $"-{_process.Id}"]))
        {
            await signal.WaitForExitAsync();
        }
        return await ExitedAsync(_process, deadline);
    }

    /// <summary>Polls for the exit itself: WaitForExitAsync would also wait for every descendant to close the output.</summary>
    private static async Task<bool> ExitedAsync(Process process, TimeSpan deadline)
    {
        var waited = Stopwatch.StartNew();
        while (!process.HasExited)
        {
            if (waited.Elapsed > deadline)
            {
                return false;
            }
            await Task.Delay(200);
        }
        return true;
    }

    /// <summary>Starts from nothing: whatever an interrupted earlier run left is stopped and its data folder removed.</summary>
    public async Task ResetAsync()
    {
        await CleanUpAsync();
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }

    /// <summary>Whatever is left after a failed run: the script, its supervised processes and its services.</summary>
    public async Task CleanUpAsync()
    {
        foreach (var name in new[] { "api", "worker" })
        {
            if (PidOf(name) is { } pid)
            {
                Process.GetProcessById(pid).Kill();
            }
        }
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await ExitedAsync(process, TimeSpan.FromSeconds(30));
        }
        var stop = new ProcessStartInfo("bash", ["-c", "source scripts/lib/services.sh && stop_postgres && stop_rabbitmq"]) { WorkingDirectory = harness.Root };
        foreach (var (key, value) in new Dictionary<string, string>
                 { ["PROFILE"] = settings.Profile, ["PG_PORT"] = settings.PostgresPort.ToString(), ["AMQP_PORT"] = settings.AmqpPort.ToString() })
        {
            stop.Environment[key] = value;
        }
        using var stopping = Process.Start(stop) ?? throw new InvalidOperationException("bash did not start");
        if (!await ExitedAsync(stopping, TimeSpan.FromMinutes(2)))
        {
            stopping.Kill(entireProcessTree: true);
        }
    }
}

/// <summary>Where the run-script scenario's own copy of the system lives: ports beside those of scripts/faults.sh.</summary>
public sealed record RunScriptSettings(string Profile, int PostgresPort, int AmqpPort, string ApiUrl)
{
    public static RunScriptSettings FromEnvironment() => new(
        "faults-run",
        // Below Linux's ephemeral range (32768-60999): the load's thousands of client connections left 55436 taken as a
        // local port for over 30 s once, and PostgreSQL could not bind it.
        HarnessSettings.Number("FAULTS_RUN_PG_PORT", 25436),
        HarnessSettings.Number("FAULTS_RUN_AMQP_PORT", 5686),
        Environment.GetEnvironmentVariable("FAULTS_RUN_API_URL") ?? "http://127.0.0.1:5792");
}
