using Comments.Moderation.Classification;
using Comments.Moderation.Encoding;

namespace Moderation.Benchmarks;

/// <summary>
/// The resident size of the worker's classifier models (`scripts/bench.sh models`): the process's resident set and
/// the GC's live heap before and after loading the shipped encoder and both classifiers and scoring with each.
/// </summary>
public static class ModelMemory
{
    public static void Measure()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "Models");
        var (rssBefore, heapBefore) = Read();
        var models = Enum.GetValues<ClassifierKind>().Select(kind => ClassifierModel.Load(directory, kind)).ToList();
        foreach (var model in models)
        {
            model.Score("A first comment to load the model: the council's report on the flood defences is late again.");
        }
        var (rssAfter, heapAfter) = Read();
        Console.WriteLine($"encoder {StaticEncoder.Shipped.GetHashCode() != 0} and {models.Count} classifiers loaded: resident set {rssBefore:0} -> {rssAfter:0} MB (+{rssAfter - rssBefore:0} MB), "
            + $"live GC heap {heapBefore:0.0} -> {heapAfter:0.0} MB (+{heapAfter - heapBefore:0.0} MB)");
        GC.KeepAlive(models);
    }

    private static (double ResidentMegabytes, double HeapMegabytes) Read()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var rss = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kilobytes = double.Parse(rss.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
        return (kilobytes / 1024, GC.GetTotalMemory(forceFullCollection: true) / 1024.0 / 1024.0);
    }
}
