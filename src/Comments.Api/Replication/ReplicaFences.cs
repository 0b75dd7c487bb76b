using System.Collections.Concurrent;
using Comments.Storage;
using Comments.Storage.Replication;
using Microsoft.EntityFrameworkCore;

namespace Comments.Api.Replication;

/// <summary>
/// Per article, the primary's WAL position taken when a change evicted its cached answers. Until the replica has
/// replayed past it, the article's public reads go to the primary: the refill after an eviction must not cache the
/// replica's older page for the entry's whole lifetime. Positions only grow, so a fence once passed is dropped.
/// </summary>
public sealed class ReplicaFences(IDbContextFactory<CommentsDbContext> primary, ReplicaDatabase replica, ILogger<ReplicaFences> logger)
{
    private static readonly TimeSpan PositionTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Fences kept before the passed ones are dropped without waiting for a read (articles nobody reads).</summary>
    private const int MaxFences = 10_000;
    private readonly ConcurrentDictionary<string, long> _fences = new();
    private long _replayed;

    /// <summary>Called before the eviction, after the change committed. Never fails the change (like the eviction).</summary>
    public async Task RaiseAsync(IReadOnlyCollection<string> articleIds)
    {
        if (!replica.Configured || articleIds.Count == 0)
        {
            return;
        }
        try
        {
            using var timeout = new CancellationTokenSource(PositionTimeout);
            await using var db = await primary.CreateDbContextAsync(timeout.Token);
            var position = await WalPosition.OfPrimaryAsync(db, timeout.Token);
            foreach (var articleId in articleIds)
            {
                _fences.AddOrUpdate(articleId, position, (_, earlier) => Math.Max(earlier, position));
            }
            if (_fences.Count > MaxFences)
            {
                await using var onReplica = replica.CreateContext();
                Replayed(await WalPosition.ReplayedAsync(onReplica, timeout.Token));
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            logger.LogWarning(exception, "Could not read the primary's WAL position; the replica may serve these articles' older pages until their entries expire");
        }
    }

    /// <summary>Whether any of the articles changed after the replica's replay position last seen.</summary>
    public bool AnyAhead(IEnumerable<string> articleIds)
    {
        var replayed = Interlocked.Read(ref _replayed);
        return articleIds.Any(a => _fences.TryGetValue(a, out var fence) && fence > replayed);
    }

    /// <summary>Records a replay position read from the replica and drops the fences it has passed.</summary>
    public void Replayed(long position)
    {
        long seen;
        while (position > (seen = Interlocked.Read(ref _replayed)) && Interlocked.CompareExchange(ref _replayed, position, seen) != seen)
        {
        }
        foreach (var fence in _fences.Where(f => f.Value <= position))
        {
            _fences.TryRemove(fence); // only if no newer fence came meanwhile
        }
    }
}
