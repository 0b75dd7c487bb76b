namespace Comments.Harness;

/// <summary>
/// CPU time (user + system, from /proc) used by each part of the co-located system between two readings: the named
/// processes (the APIs and the workers, each kind summed over its instances, or the intake skeleton), PostgreSQL (all
/// its backends), RabbitMQ (the Erlang VM) and the calling process (the load).
/// </summary>
public sealed class CpuMeter(params (string Part, AppProcess Process)[] processes)
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux
    private static readonly string? PostgresPort = Environment.GetEnvironmentVariable("ConnectionStrings__Comments") is { } connection
        ? new Npgsql.NpgsqlConnectionStringBuilder(connection).Port.ToString() : null;
    private static readonly string? RabbitPort = Environment.GetEnvironmentVariable("RabbitMq__Port");

    public CpuMeter(Stack stack) : this([.. stack.Processes])
    {
    }

    public IReadOnlyDictionary<string, double> ReadSeconds()
    {
        var parts = processes.Select(p => p.Part).Distinct().ToDictionary(part => part, _ => 0.0);
        foreach (var part in new[] { "PostgreSQL", "RabbitMQ", "load" })
        {
            parts[part] = 0;
        }
        var pids = Directory.EnumerateDirectories("/proc").Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0).Where(pid => pid > 0).ToList();
        var services = new ServicesOfThisRun(pids);
        foreach (var pid in pids)
        {
            if (PartOf(pid, services) is not { } part)
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

    private string? PartOf(int pid, ServicesOfThisRun services)
    {
        if (processes.FirstOrDefault(p => p.Process.ProcessId == pid) is { Part: { } named }) return named;
        if (pid == Environment.ProcessId) return "load";
        var command = Read($"/proc/{pid}/comm")?.Trim();
        return command switch
        {
            "postgres" when services.Postmaster is null || pid == services.Postmaster || ParentOf(pid) == services.Postmaster => "PostgreSQL",
            "beam.smp" when services.RabbitNode is null || pid == services.RabbitNode => "RabbitMQ",
            _ => null,
        };
    }

    /// <summary>
    /// On a shared machine other runs' clusters and nodes are not this run's: the postmaster started with this run's
    /// port (its backends are its children) and the Erlang VM started with this run's AMQP port. Null when not found
    /// (services in Docker): then every postgres or beam.smp process counts.
    /// </summary>
    private sealed class ServicesOfThisRun(List<int> pids)
    {
        public int? Postmaster { get; } = pids.Cast<int?>().FirstOrDefault(pid => Read($"/proc/{pid}/cmdline")?.Split('\0') is { } args
            && Array.IndexOf(args, "-p") is var at && at >= 0 && at + 1 < args.Length && args[at + 1] == PostgresPort && args[0].EndsWith("postgres"));

        public int? RabbitNode { get; } = pids.Cast<int?>().FirstOrDefault(pid => Read($"/proc/{pid}/comm")?.Trim() == "beam.smp"
            && Read($"/proc/{pid}/environ")?.Split('\0').Contains($"RABBITMQ_NODE_PORT={RabbitPort}") == true);
    }

    private static int? ParentOf(int pid) =>
        Read($"/proc/{pid}/stat") is { } stat && int.TryParse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], out var parent) ? parent : null;

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
