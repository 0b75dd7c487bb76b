using Moderation.Worker.Pipeline;

namespace Moderation.Benchmarks;

/// <summary>An established author, answered from memory so the benchmark measures the pipeline, not PostgreSQL.</summary>
public sealed class InMemoryHistory : IAuthorHistory
{
    public static readonly InMemoryHistory Instance = new();

    public Task<int> ApprovedCountAsync(CancellationToken cancellationToken) => Task.FromResult(10);
    public Task<int> EarlierCommentCountAsync(CancellationToken cancellationToken) => Task.FromResult(10);
    public Task<bool> SameTextSinceAsync(DateTimeOffset since, CancellationToken cancellationToken) => Task.FromResult(false);
    public Task<(int Decided, int Rejected)> DecidedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken) => Task.FromResult((10, 0));
}
