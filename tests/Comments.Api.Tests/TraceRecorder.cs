using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace Comments.Api.Tests;

/// <summary>
/// Every span finished during the test run, kept in memory. Registered on the API's tracer provider only: a
/// provider listens to its sources across the whole process, so it also sees the in-process worker's spans.
/// </summary>
public static class TraceRecorder
{
    private static readonly List<Activity> Spans = [];

    public static IReadOnlyList<Activity> Snapshot()
    {
        lock (Spans)
        {
            return [.. Spans];
        }
    }

    public static IServiceCollection AddTraceRecorder(this IServiceCollection services) =>
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(new LockedList(Spans)));

    /// <summary>The exporter adds from several threads at once.</summary>
    private sealed class LockedList(List<Activity> inner) : ICollection<Activity>
    {
        public int Count { get { lock (inner) { return inner.Count; } } }
        public bool IsReadOnly => false;
        public void Add(Activity item) { lock (inner) { inner.Add(item); } }
        public void Clear() { lock (inner) { inner.Clear(); } }
        public bool Contains(Activity item) { lock (inner) { return inner.Contains(item); } }
        public void CopyTo(Activity[] array, int arrayIndex) { lock (inner) { inner.CopyTo(array, arrayIndex); } }
        public bool Remove(Activity item) { lock (inner) { return inner.Remove(item); } }
        public IEnumerator<Activity> GetEnumerator() => Snapshot().GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
