using Microsoft.EntityFrameworkCore;

namespace Comments.Storage.Replication;

/// <summary>
/// Positions in PostgreSQL's write-ahead log, as bytes from its start: how far the primary has written and how far a
/// replica has replayed. A replica whose replay position has passed the primary's position taken after a commit
/// shows that commit.
/// </summary>
public static class WalPosition
{
    /// <summary>
    /// The primary's insert position: at or past every commit made before it is read. (pg_current_wal_lsn, the write
    /// position, may still lie before a commit made with synchronous_commit off.)
    /// </summary>
    public static Task<long> OfPrimaryAsync(CommentsDbContext primary, CancellationToken cancellationToken) =>
        primary.Database.SqlQueryRaw<long>("""select (pg_current_wal_insert_lsn() - '0/0'::pg_lsn)::bigint as "Value" """)
            .SingleAsync(cancellationToken);

    /// <summary>What the server has replayed; <see cref="long.MaxValue"/> when it is not a replica (it is always current).</summary>
    public static async Task<long> ReplayedAsync(CommentsDbContext replica, CancellationToken cancellationToken) =>
        await replica.Database.SqlQueryRaw<long?>("""select (pg_last_wal_replay_lsn() - '0/0'::pg_lsn)::bigint as "Value" """)
            .SingleAsync(cancellationToken) ?? long.MaxValue;
}
