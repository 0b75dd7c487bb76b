using Moderation.Worker.Pipeline;

namespace Moderation.Benchmarks;

/// <summary>An established author, answered from memory so the benchmark measures the pipeline, not PostgreSQL.</summary>
public sealed class InMemoryHistory : IAuthorHistory
{
    public static readonly InMemoryHistory Instance = new();

    private static readonly Task<AuthorRecord> Record = Task.FromResult(new AuthorRecord(Approved: 10, Earlier: 10, SameTextRecently: false, RecentDecided: 10, RecentRejected: 0));

    public Task<AuthorRecord> ReadAsync(HistoryWindows windows, CancellationToken cancellationToken) => Record;
}
