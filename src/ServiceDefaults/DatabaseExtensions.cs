using Comments.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Comments.ServiceDefaults;

public static class DatabaseExtensions
{
    public static IHostApplicationBuilder AddDatabase(this IHostApplicationBuilder builder)
    {
        builder.Services.AddCommentsDatabase(builder.Configuration.GetRequiredConnectionString());
        return builder;
    }

    public static string GetRequiredConnectionString(this IConfiguration configuration) =>
        configuration.GetConnectionString(StorageServiceCollectionExtensions.ConnectionStringName)
        ?? throw new InvalidOperationException(
            $"Connection string '{StorageServiceCollectionExtensions.ConnectionStringName}' is not configured " +
            $"(environment variable ConnectionStrings__{StorageServiceCollectionExtensions.ConnectionStringName}).");
}
