namespace Comments.Api.Pages;

/// <summary>
/// The comment section runs on the news sites' own pages, so they call this API cross-origin. Only the host sites
/// listed in <c>Embed:AllowedOrigins</c> may (Development allows any origin, for trying the embed locally).
/// </summary>
public static class EmbedCors
{
    public const string PolicyName = "embed";
    public const string SectionName = "Embed:AllowedOrigins";

    public static IHostApplicationBuilder AddEmbedCors(this IHostApplicationBuilder builder)
    {
        var origins = builder.Configuration.GetSection(SectionName).Get<string[]>() ?? [];
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddCors(cors => cors.AddPolicy(PolicyName, policy =>
        {
            if (development && origins.Length == 0)
            {
                policy.AllowAnyOrigin();
            }
            else
            {
                policy.WithOrigins(origins);
            }
            policy.AllowAnyHeader().AllowAnyMethod().WithExposedHeaders("Location", "Retry-After");
        }));
        return builder;
    }
}
