using Comments.Storage;
using Comments.Storage.Replication;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Comments.Testing;

/// <summary>
/// The streaming replica of the test PostgreSQL that scripts/test.sh started (PG_REPLICA_CONNECTION); only the replica
/// tests point an API at it. They stop and resume its replay to make it lag on purpose.
/// </summary>
public static class TestReplica
{
    public static string ConnectionString => Environment.GetEnvironmentVariable("PG_REPLICA_CONNECTION") is { Length: > 0 } replica ? replica
        : throw new InvalidOperationException("PG_REPLICA_CONNECTION is not set: run the tests with scripts/test.sh (without Docker), which starts the replica.");

    public static Task PauseReplayAsync() => ExecuteAsync("select pg_wal_replay_pause()");

    public static Task ResumeReplayAsync() => ExecuteAsync("select pg_wal_replay_resume()");

    /// <summary>Waits until the replica has replayed everything the primary had written when this was called.</summary>
    public static async Task CatchUpAsync()
    {
        await using var primary = TestServices.CreateDbContext();
        var target = await WalPosition.OfPrimaryAsync(primary, CancellationToken.None);
        await using var replica = new CommentsDbContext(new DbContextOptionsBuilder<CommentsDbContext>().UseCommentsDatabase(ConnectionString).Options);
        await Eventually.Until(() => WalPosition.ReplayedAsync(replica, CancellationToken.None), replayed => replayed >= target,
            what: $"the replica to replay the primary's WAL up to {target}");
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
