using System.Diagnostics;

namespace Comments.Harness;

/// <summary>The API or the worker as a real process of its own, so that it can be killed with SIGKILL.</summary>
/// <param name="niceness">The process's CPU priority below normal (nice), 0 for none: what run.sh gives the worker.</param>
public sealed class AppProcess(string name, string directory, string dll, IReadOnlyDictionary<string, string> environment, string logDirectory, int niceness = 0)
{
    /// <summary>The exit code with which the worker asks its supervisor to start it again.</summary>
    public const int RestartExitCode = 75;

    private Process? _process;
    private bool _stopping;

    public string Name => name;

    public int? ProcessId => _process is { HasExited: false } process ? process.Id : null;

    /// <summary>The highest resident set size of the running process so far (VmHWM), in MB.</summary>
    public double PeakResidentMegabytes => StatusMegabytes("VmHWM:");

    /// <summary>The resident set size of the running process now (VmRSS), in MB.</summary>
    public double ResidentMegabytes => StatusMegabytes("VmRSS:");

    private double StatusMegabytes(string field) =>
        _process is { HasExited: false } process && File.ReadLines($"/proc/{process.Id}/status").FirstOrDefault(l => l.StartsWith(field)) is { } line
            ? double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024
            : double.NaN;

    /// <summary>Starts the process and, like a supervisor, starts it again whenever it exits asking for that.</summary>
    public void Start(IReadOnlyDictionary<string, string>? extra = null)
    {
        _stopping = false;
        // Through nice(1), so that every thread the runtime starts has the priority (nice execs dotnet: the same pid).
        var start = new ProcessStartInfo(niceness > 0 ? "nice" : "dotnet", niceness > 0 ? ["-n", niceness.ToString(), "dotnet", dll] : [dll])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment.Concat(extra ?? new Dictionary<string, string>()))
        {
            start.Environment[key] = value;
        }
        Directory.CreateDirectory(logDirectory);
        var log = TextWriter.Synchronized(new StreamWriter(Path.Combine(logDirectory, name + ".log"), append: true) { AutoFlush = true });
        _process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {name}");
        _process.OutputDataReceived += (_, line) => { if (line.Data is not null) { log.WriteLine(line.Data); } };
        _process.ErrorDataReceived += (_, line) => { if (line.Data is not null) { log.WriteLine(line.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var started = _process;
        started.EnableRaisingEvents = true;
        started.Exited += (_, _) =>
        {
            if (!_stopping && started.ExitCode == RestartExitCode)
            {
                Console.WriteLine($"    {name} exited with {RestartExitCode}: started again");
                Start(extra);
            }
        };
        Console.WriteLine($"    {name} started (pid {_process.Id})");
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, in-flight work simply stops.</summary>
    public async Task KillAsync()
    {
        _stopping = true;
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: false);
            await process.WaitForExitAsync();
            Console.WriteLine($"    {name} killed with SIGKILL (pid {process.Id})");
        }
    }

    /// <summary>SIGTERM and a wait for a clean exit.</summary>
    public async Task StopAsync()
    {
        _stopping = true;
        if (_process is { HasExited: false } process)
        {
            using (var term = Process.Start("kill", ["-TERM", process.Id.ToString()]))
            {
                await term.WaitForExitAsync();
            }
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                await KillAsync();
            }
        }
    }
}
