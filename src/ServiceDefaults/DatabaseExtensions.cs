using Comments.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Comments.ServiceDefaults;

public static class DatabaseExtensions
{
    /// <summary>
    /// Connections one process may hold (<c>Database:MaxPoolSize</c>, default 32) unless the connection string says
    /// otherwise. PostgreSQL allows 100 by default for everyone: with Npgsql's own default of 100 per process, the API
    /// and the worker together could ask for 200, and under load the refused connections turn into retries.
    /// </summary>
    public const int DefaultMaxPoolSize = 32;

    /// <summary>Statements Npgsql prepares automatically per connection (<c>Database:MaxAutoPrepare</c>; 0 turns it off).</summary>
    public const int DefaultMaxAutoPrepare = 64;

    public const string MaxPoolSizeKey = "Database:MaxPoolSize";
    public const string MaxAutoPrepareKey = "Database:MaxAutoPrepare";

    public static IHostApplicationBuilder AddDatabase(this IHostApplicationBuilder builder)
    {
        builder.Services.AddCommentsDatabase(builder.Configuration.GetPooledConnectionString());
        return builder;
    }

    /// <summary>
    /// The replica for public reads (<c>ConnectionStrings:CommentsRead</c>), pooled like the primary; without one they
    /// read the primary. Only the API reads from it (docs/deployment.md).
    /// </summary>
    public static IHostApplicationBuilder AddReadDatabase(this IHostApplicationBuilder builder)
    {
        var replica = builder.Configuration.GetConnectionString(StorageServiceCollectionExtensions.ReadConnectionStringName);
        builder.Services.AddCommentsReadDatabase(string.IsNullOrWhiteSpace(replica) ? null : builder.Configuration.Pooled(replica));
        return builder;
    }

    public static string GetPooledConnectionString(this IConfiguration configuration) => configuration.Pooled(configuration.GetRequiredConnectionString());

    private static string Pooled(this IConfiguration configuration, string connectionString)
    {
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Pool Size", StringComparison.OrdinalIgnoreCase))
        {
            connection.MaxPoolSize = configuration.GetValue(MaxPoolSizeKey, DefaultMaxPoolSize);
        }
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            // Every comment runs the same dozen statements; prepared once per connection, PostgreSQL stops parsing
            // and planning them each time.
            connection.MaxAutoPrepare = configuration.GetValue(MaxAutoPrepareKey, DefaultMaxAutoPrepare);
            connection.AutoPrepareMinUsages = 2;
        }
        return connection.ConnectionString;
    }

    public static string GetRequiredConnectionString(this IConfiguration configuration) =>
        configuration.GetConnectionString(StorageServiceCollectionExtensions.ConnectionStringName)
        ?? throw new InvalidOperationException(
            $"Connection string '{StorageServiceCollectionExtensions.ConnectionStringName}' is not configured " +
            $"(environment variable ConnectionStrings__{StorageServiceCollectionExtensions.ConnectionStringName}).");
}
