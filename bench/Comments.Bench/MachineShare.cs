using System.Diagnostics;
using Comments.Harness;

namespace Comments.Bench;

/// <summary>The share of the whole machine's CPU that was busy, and stolen by the hypervisor, while something ran.</summary>
public static class MachineShare
{
    public static async Task<(T Result, double Busy, double Stolen)> WhileAsync<T>(Func<Task<T>> work)
    {
        var (before, clock) = (CpuMeter.ReadMachineSeconds(), Stopwatch.StartNew());
        var result = await work();
        var (after, capacity) = (CpuMeter.ReadMachineSeconds(), clock.Elapsed.TotalSeconds * Environment.ProcessorCount);
        return (result, (after.Busy - before.Busy) / capacity, (after.Stolen - before.Stolen) / capacity);
    }
}
