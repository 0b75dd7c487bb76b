using Comments.Api.Infrastructure;
using Comments.Storage;
using Comments.Storage.Replication;
using Npgsql;

namespace Comments.Api.Replication;

/// <summary>
/// The database a public read uses: the replica when one is configured (<c>ConnectionStrings:CommentsRead</c>), else
/// the primary, which is also where a reader asking for a fresh answer and an article the replica has not caught up
/// with (<see cref="ReplicaFences"/>) go. Everything personal and everything that writes uses the primary directly.
/// </summary>
public sealed class PublicReads(CommentsDbContext primary, ReplicaDatabase replica, ReplicaFences fences, PublicReadMetrics metrics) : IAsyncDisposable
{
    private CommentsDbContext? _replicaContext;

    /// <summary>For answers about these articles, which the listing cache may keep.</summary>
    public async Task<CommentsDbContext> ForArticlesAsync(HttpRequest request, IReadOnlyCollection<string> articleIds, CancellationToken cancellationToken)
    {
        if (!replica.Configured)
        {
            return primary;
        }
        if (FreshAnswer.IsAskedFor(request))
        {
            return Primary(PublicReadSource.PrimaryFresh);
        }
        // Every replica read first asks how far it has replayed: that also finds a replica that is down, and an API
        // started after changes it never saw evicted (the start fence) reads the primary until the replica has them.
        if (!fences.ReplicaAnswering || !await fences.StartFenceAsync(cancellationToken))
        {
            return Primary(PublicReadSource.PrimaryReplicaDown);
        }
        try
        {
            fences.Replayed(await WalPosition.ReplayedAsync(Replica(), cancellationToken));
        }
        catch (Exception exception) when (Unreachable(exception) && !cancellationToken.IsCancellationRequested)
        {
            fences.ReplicaFailed(exception);
            return Primary(PublicReadSource.PrimaryReplicaDown);
        }
        if (fences.AnyAhead(articleIds))
        {
            return Primary(PublicReadSource.PrimaryBehind);
        }
        metrics.Record(PublicReadSource.Replica);
        return Replica();
    }

    /// <summary>For figures nobody caches and nobody expects to the second (the transparency report).</summary>
    public CommentsDbContext ForReports()
    {
        if (!replica.Configured)
        {
            return primary;
        }
        metrics.Record(PublicReadSource.Replica);
        return Replica();
    }

    // EF Core's execution strategy wraps a transient failure in an InvalidOperationException.
    private static bool Unreachable(Exception exception) =>
        exception is NpgsqlException or TimeoutException || exception.InnerException is NpgsqlException or TimeoutException;

    private CommentsDbContext Primary(PublicReadSource reason)
    {
        metrics.Record(reason);
        return primary;
    }

    private CommentsDbContext Replica() => _replicaContext ??= replica.CreateContext();

    public ValueTask DisposeAsync() => _replicaContext?.DisposeAsync() ?? ValueTask.CompletedTask;
}
