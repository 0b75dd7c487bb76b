using Comments.Storage.Replication;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Comments.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>The name of the connection string, under <c>ConnectionStrings</c>, that both hosts read.</summary>
    public const string ConnectionStringName = "Comments";

    /// <summary>The connection string, under <c>ConnectionStrings</c>, of the replica that public reads may use (empty: the primary).</summary>
    public const string ReadConnectionStringName = "CommentsRead";

    /// <summary>
    /// A context per scope from a pool, and a factory over the same pool for work that owns its context (work that may
    /// be abandoned at a deadline must not share the request's context: it would go back to the pool still in use).
    /// </summary>
    public static IServiceCollection AddCommentsDatabase(this IServiceCollection services, string connectionString) => services
        .AddPooledDbContextFactory<CommentsDbContext>(options => options.UseCommentsDatabase(connectionString), ContextPoolSize)
        .AddDbContextPool<CommentsDbContext>(options => options.UseCommentsDatabase(connectionString), ContextPoolSize);

    /// <summary>The replica's contexts (<see cref="ReplicaDatabase"/>), from a pool of their own; none for an empty connection string.</summary>
    public static IServiceCollection AddCommentsReadDatabase(this IServiceCollection services, string? connectionString) =>
        services.AddSingleton(new ReplicaDatabase(string.IsNullOrWhiteSpace(connectionString) ? null
            : new PooledDbContextFactory<CommentsDbContext>(new DbContextOptionsBuilder<CommentsDbContext>().UseCommentsDatabase(connectionString).Options, ContextPoolSize)));

    /// <summary>
    /// Contexts kept for reuse; beyond it a context is made and thrown away. EF Core's default of 1,024 let a burst of
    /// 1,000 concurrent requests leave that many contexts in the API's memory for good; more than the connection pool
    /// (<c>Database:MaxPoolSize</c>, 32) cannot work at once anyway.
    /// </summary>
    public const int ContextPoolSize = 64;

    /// <summary>
    /// No EF Core retry-on-failure here on purpose: the worker retries whole messages (MassTransit) and the API
    /// answers reads directly, so one retrying layer per code path (GUIDE section 6).
    /// </summary>
    public static TBuilder UseCommentsDatabase<TBuilder>(this TBuilder options, string connectionString)
        where TBuilder : DbContextOptionsBuilder
    {
        options.UseNpgsql(connectionString).UseSnakeCaseNamingConvention();
        return options;
    }
}
