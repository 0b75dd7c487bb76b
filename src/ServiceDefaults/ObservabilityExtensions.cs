using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Comments.ServiceDefaults;

/// <summary>
/// OpenTelemetry for every host: traces through HTTP, RabbitMQ and PostgreSQL, metrics for Prometheus, OTLP when
/// configured, JSON logs carrying the trace ids (docs/operations.md).
/// </summary>
public static class ObservabilityExtensions
{
    public static readonly string[] Meters = ["Comments.Api", "Comments.Worker", "MassTransit", "Npgsql"];

    /// <summary>The worker's own spans (a group of comments decided together, and each comment's part in it).</summary>
    public const string WorkerSource = "Comments.Worker";

    /// <summary>The port of the worker's own scrape endpoint on 127.0.0.1 (<c>Metrics:ListenerPort</c>); 0 turns it off.</summary>
    public const string ListenerPortKey = "Metrics:ListenerPort";

    /// <summary>The OpenTelemetry SDK's own variable; set, traces and metrics also go to that collector.</summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static IHostApplicationBuilder AddObservability(this IHostApplicationBuilder builder, string serviceName)
    {
        var listenerPort = builder.Configuration.GetValue(ListenerPortKey, 0);
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing => tracing
                .AddSource("MassTransit", WorkerSource)
                .AddAspNetCoreInstrumentation(options => options.Filter = context =>
                    !context.Request.Path.StartsWithSegments("/metrics") && !context.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddNpgsql())
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(Meters).AddAspNetCoreInstrumentation().AddRuntimeInstrumentation();
                if (listenerPort > 0)
                {
                    metrics.AddPrometheusHttpListener(options => (options.Host, options.Port) = ("127.0.0.1", listenerPort));
                }
                else
                {
                    metrics.AddPrometheusExporter();
                }
            });
        if (!string.IsNullOrEmpty(builder.Configuration[OtlpEndpointKey]))
        {
            otel.UseOtlpExporter();
        }
        return builder;
    }
}
