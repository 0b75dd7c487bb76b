namespace Comments.Harness;

/// <summary>
/// CPU time (user + system, from /proc) used by each part of the co-located system between two readings: the named
/// processes (the API and the worker, or the intake skeleton), PostgreSQL (all its backends), RabbitMQ (the Erlang VM)
/// and the calling process (the load).
/// </summary>
public sealed class CpuMeter(params (string Part, AppProcess Process)[] processes)
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    public CpuMeter(AppProcess api, AppProcess worker) : this(("API", api), ("worker", worker))
    {
    }

    public IReadOnlyDictionary<string, double> ReadSeconds()
    {
        var parts = processes.ToDictionary(p => p.Part, _ => 0.0);
        foreach (var part in new[] { "PostgreSQL", "RabbitMQ", "load" })
        {
            parts[part] = 0;
        }
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid) || PartOf(pid) is not { } part)
            {
                continue;
            }
            if (Seconds(pid) is { } seconds)
            {
                parts[part] += seconds;
            }
        }
        return parts;
    }

    /// <summary>
    /// The whole machine's CPU seconds (all cores) from /proc/stat: busy (user, nice, system, irq, softirq) and stolen
    /// (time the hypervisor gave this VM's CPUs to others; high steal means a noisy neighbour, not our code).
    /// </summary>
    public static (double Busy, double Stolen) ReadMachineSeconds()
    {
        var fields = (Read("/proc/stat") ?? "").Split('\n')[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        double Ticks(int index) => fields.Length > index ? long.Parse(fields[index]) / TicksPerSecond : 0;
        return (Ticks(1) + Ticks(2) + Ticks(3) + Ticks(6) + Ticks(7), Ticks(8));
    }

    private string? PartOf(int pid)
    {
        if (processes.FirstOrDefault(p => p.Process.ProcessId == pid) is { Part: { } named }) return named;
        if (pid == Environment.ProcessId) return "load";
        var command = Read($"/proc/{pid}/comm")?.Trim();
        return command switch
        {
            "postgres" => "PostgreSQL",
            "beam.smp" => "RabbitMQ",
            _ => null,
        };
    }

    private static double? Seconds(int pid)
    {
        // Fields after the command (which is in parentheses and may hold spaces): utime and stime are the 12th and 13th.
        var stat = Read($"/proc/{pid}/stat");
        if (stat is null)
        {
            return null;
        }
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11]) + long.Parse(fields[12])) / TicksPerSecond;
    }

    private static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null; // the process ended meanwhile
        }
    }
}
