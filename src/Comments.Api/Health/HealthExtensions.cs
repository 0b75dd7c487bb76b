using Comments.ServiceDefaults;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Comments.Api.Health;

public static class HealthExtensions
{
    private const string ReadyTag = "ready";

    /// <summary>
    /// Live: the process answers. Ready: PostgreSQL answers and the MassTransit bus is connected to RabbitMQ
    /// (MassTransit registers its own bus check with the "ready" tag).
    /// </summary>
    public static IHostApplicationBuilder AddHealth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddNpgSql(builder.Configuration.GetRequiredConnectionString(), name: "postgresql", tags: [ReadyTag]);
        return builder;
    }

    public static WebApplication MapHealthEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        // The cheapest JSON answer this process can give: the benchmarks' yardstick for every other endpoint.
        app.MapGet("/api/ping", (TimeProvider clock) => TypedResults.Ok(new Ping("ok", clock.GetUtcNow())));
        // Prometheus scrapes here; the metrics carry no personal data (queues, routes, outcomes, reason codes).
        app.MapPrometheusScrapingEndpoint().RestrictToScrapers(app.Configuration);
        return app;
    }
}

public sealed record Ping(string Status, DateTimeOffset Time);
