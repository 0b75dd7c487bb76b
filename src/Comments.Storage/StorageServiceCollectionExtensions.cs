using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Comments.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>The name of the connection string, under <c>ConnectionStrings</c>, that both hosts read.</summary>
    public const string ConnectionStringName = "Comments";

    public static IServiceCollection AddCommentsDatabase(this IServiceCollection services, string connectionString) =>
        services.AddDbContextPool<CommentsDbContext>(options => options.UseCommentsDatabase(connectionString));

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
