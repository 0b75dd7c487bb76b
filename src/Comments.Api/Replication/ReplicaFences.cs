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
    /// <summary>How long a replica that failed to answer is left out before public reads try it again.</summary>
    public static readonly TimeSpan DownFor = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, long> _fences = new();
    private long _replayed;
    private long _startFence;
    private long _downUntilTicks;

    public bool ReplicaAnswering => Environment.TickCount64 >= Interlocked.Read(ref _downUntilTicks);

    /// <summary>Leaves the replica out for <see cref="DownFor"/>: its public reads go to the primary meanwhile.</summary>
    public void ReplicaFailed(Exception exception)
    {
        Interlocked.Exchange(ref _downUntilTicks, Environment.TickCount64 + (long)DownFor.TotalMilliseconds);
        logger.LogWarning(exception, "The replica did not answer; public reads use the primary for {Seconds} s", DownFor.TotalSeconds);
    }

    /// <summary>
    /// The primary's position when this instance first read: changes made before it started were evicted by events
    /// it never heard, so until the replica has replayed past it every public read goes to the primary. False when the
    /// primary cannot say (then the replica is not trusted yet either).
    /// </summary>
    public async Task<bool> StartFenceAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Read(ref _startFence) > 0)
        {
            return true;
        }
        try
        {
            await using var db = await primary.CreateDbContextAsync(cancellationToken);
            Interlocked.CompareExchange(ref _startFence, await WalPosition.OfPrimaryAsync(db, cancellationToken), 0);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not OutOfMemoryException)
        {
            logger.LogWarning(exception, "Could not read the primary's WAL position at start; public reads use the primary");
            return false;
        }
    }

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
        return Interlocked.Read(ref _startFence) > replayed || articleIds.Any(a => _fences.TryGetValue(a, out var fence) && fence > replayed);
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
