using Comments.Storage;
using Microsoft.EntityFrameworkCore;

namespace Comments.Testing;

/// <summary>
/// The real PostgreSQL and RabbitMQ that scripts/test.sh started; it passes them in the same environment variables
/// the hosts read (ConnectionStrings__Comments, RabbitMq__Port, ...).
/// </summary>
public static class TestServices
{
    public static string ConnectionString => Environment.GetEnvironmentVariable("ConnectionStrings__Comments")
        ?? throw new InvalidOperationException("ConnectionStrings__Comments is not set: run the tests with scripts/test.sh.");

    public static CommentsDbContext CreateDbContext()
    {
        var options = new DbContextOptionsBuilder<CommentsDbContext>();
        options.UseCommentsDatabase(ConnectionString);
        return new CommentsDbContext(options.Options);
    }

    private static readonly SemaphoreSlim MigrationLock = new(1, 1);
    private static bool _migrated;
    private const long MigrationLockKey = 0x6D69_6772_6174_65; // "migrate"

    /// <summary>Applies the committed migrations once per test process.</summary>
    public static async Task EnsureMigratedAsync()
    {
        await MigrationLock.WaitAsync();
        try
        {
            if (!_migrated)
            {
                // Both test assemblies start at once on a fresh database: a session advisory lock lets one migrate
                // while the other waits (EF Core's own migration lock was seen to let both apply the first migration).
                await using var db = CreateDbContext();
                await db.Database.OpenConnectionAsync();
                await db.Database.ExecuteSqlAsync($"select pg_advisory_lock({MigrationLockKey})");
                try
                {
                    await db.Database.MigrateAsync();
                }
                finally
                {
                    await db.Database.ExecuteSqlAsync($"select pg_advisory_unlock({MigrationLockKey})");
                }
                _migrated = true;
            }
        }
        finally
        {
            MigrationLock.Release();
        }
    }

    /// <summary>The repository root, found by walking up to Comments.sln.</summary>
    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Comments.sln")))
            {
                directory = directory.Parent;
            }
            return directory?.FullName ?? throw new InvalidOperationException("Comments.sln not found above the test output.");
        }
    }
}
