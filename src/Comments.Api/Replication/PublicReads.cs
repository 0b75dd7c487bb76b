using Comments.Api.Infrastructure;
using Comments.Storage;
using Comments.Storage.Replication;

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
        if (fences.AnyAhead(articleIds))
        {
            fences.Replayed(await WalPosition.ReplayedAsync(Replica(), cancellationToken));
            if (fences.AnyAhead(articleIds))
            {
                return Primary(PublicReadSource.PrimaryBehind);
            }
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

    private CommentsDbContext Primary(PublicReadSource reason)
    {
        metrics.Record(reason);
        return primary;
    }

    private CommentsDbContext Replica() => _replicaContext ??= replica.CreateContext();

    public ValueTask DisposeAsync() => _replicaContext?.DisposeAsync() ?? ValueTask.CompletedTask;
}
