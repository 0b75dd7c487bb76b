using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Comments.ServiceDefaults;

public static class ServiceDefaultsExtensions
{
    /// <summary>What every host of the system needs: the database, the broker, a clock, traces and metrics.</summary>
    public static IHostApplicationBuilder AddServiceDefaults(
        this IHostApplicationBuilder builder, string serviceName, Action<IBusRegistrationConfigurator>? configureBus = null)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.AddObservability(serviceName);
        builder.AddDatabase();
        builder.AddMessaging(configureBus);
        return builder;
    }
}
