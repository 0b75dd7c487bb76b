using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Comments.Storage;

public static class DatabaseMigrator
{
    /// <summary>Applies the committed migrations. Run as an explicit step (the worker's <c>migrate</c> command).</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommentsDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
    }
}
