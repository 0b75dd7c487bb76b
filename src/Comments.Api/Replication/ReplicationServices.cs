using Comments.ServiceDefaults;

namespace Comments.Api.Replication;

public static class ReplicationServices
{
    /// <summary>Public reads from the replica, if <c>ConnectionStrings:CommentsRead</c> names one (docs/deployment.md).</summary>
    public static IHostApplicationBuilder AddPublicReads(this IHostApplicationBuilder builder)
    {
        builder.AddReadDatabase();
        builder.Services.AddSingleton<ReplicaFences>();
        builder.Services.AddSingleton<PublicReadMetrics>();
        builder.Services.AddScoped<PublicReads>();
        return builder;
    }
}
