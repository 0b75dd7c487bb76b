using System.Collections.Concurrent;
using Comments.Contracts;
using Comments.Storage;
using Comments.Storage.Users;
using Microsoft.EntityFrameworkCore;

namespace Comments.Api.Standing;

/// <summary>
/// The banned and suspended readers, held by every API instance so that intake refuses them without a database round
/// trip. Loaded in full at start and every <see cref="StandingsOptions.RefreshInterval"/>, and changed at once by each
/// <see cref="ReaderStandingChanged"/>; a change heard while a load runs is applied again on top of what it loaded.
/// </summary>
public sealed class ReaderStandings(IDbContextFactory<CommentsDbContext> contexts, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _loading = new(1, 1);
    private readonly SemaphoreSlim _firstLoad = new(1, 1);
    private volatile ConcurrentDictionary<string, ReaderStanding> _readers = new(StringComparer.Ordinal);
    private List<ReaderStandingChanged>? _heardDuringLoad;
    private volatile bool _loaded;

    /// <summary>Whether a full load has succeeded since start; until then only the changes heard are known.</summary>
    public bool IsLoaded => _loaded;

    /// <summary>The reader's last known standing if the set holds one (a restriction, or one lifted since the last load); null otherwise.</summary>
    public ReaderStanding? Of(string userId) => _readers.TryGetValue(userId, out var standing) ? standing : null;

    public void Apply(ReaderStandingChanged change)
    {
        lock (_gate)
        {
            Merge(_readers, change.UserId, ReaderStanding.From(change));
            _heardDuringLoad?.Add(change);
        }
    }

    /// <summary>Reads one reader's stored standing and applies it (a change another instance announced).</summary>
    public async Task ReloadAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.UserStandings.AsNoTracking().FirstOrDefaultAsync(s => s.UserId == userId, cancellationToken) is { } stored)
        {
            Apply(ReaderStanding.Changed(stored));
        }
    }

    /// <summary>Loads the whole set from the database; a failure leaves the set as it was and is thrown.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _loading.WaitAsync(cancellationToken);
        try
        {
            lock (_gate) _heardDuringLoad = [];
            Dictionary<string, ReaderStanding> stored;
            try
            {
                stored = await LoadAsync(cancellationToken);
            }
            catch
            {
                lock (_gate) _heardDuringLoad = null;
                throw;
            }
            lock (_gate)
            {
                var fresh = new ConcurrentDictionary<string, ReaderStanding>(stored, StringComparer.Ordinal);
                foreach (var change in _heardDuringLoad!)
                {
                    Merge(fresh, change.UserId, ReaderStanding.From(change));
                }
                _readers = fresh;
                _heardDuringLoad = null;
                _loaded = true;
            }
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>For work that must not go ahead without the answer (reports, reactions): loads now if no load has succeeded yet.</summary>
    public async Task EnsureLoadedAsync(CancellationToken cancellationToken)
    {
        if (_loaded)
        {
            return;
        }
        await _firstLoad.WaitAsync(cancellationToken); // many callers before the first load share one
        try
        {
            if (!_loaded)
            {
                await RefreshAsync(cancellationToken);
            }
        }
        finally
        {
            _firstLoad.Release();
        }
    }

    private async Task<Dictionary<string, ReaderStanding>> LoadAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.UserStandings.AsNoTracking()
            .Where(s => s.Status == UserStatus.Banned || (s.Status == UserStatus.Suspended && (s.SuspendedUntil == null || s.SuspendedUntil > now)))
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(s => s.UserId, ReaderStanding.From, StringComparer.Ordinal);
    }

    /// <summary>
    /// The newer change wins. A lifted restriction stays as an entry until the next load, so that the older change it
    /// replaced, arriving late from another instance, cannot bring the restriction back.
    /// </summary>
    private static void Merge(ConcurrentDictionary<string, ReaderStanding> readers, string userId, ReaderStanding standing)
    {
        if (!readers.TryGetValue(userId, out var known) || known.ChangedAt <= standing.ChangedAt)
        {
            readers[userId] = standing;
        }
    }
}
