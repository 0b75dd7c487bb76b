using MassTransit;

namespace Comments.Api.Standing;

public static class StandingServiceExtensions
{
    public static IHostApplicationBuilder AddReaderStandings(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StandingsOptions>().BindConfiguration(StandingsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ReaderStandings>();
        builder.Services.AddHostedService<StandingsRefresh>();
        return builder;
    }

    /// <summary>The updates on a temporary queue of this instance: every instance hears every change.</summary>
    public static void AddStandingUpdates(this IBusRegistrationConfigurator bus) =>
        bus.AddConsumer<StandingUpdates>().Endpoint(endpoint =>
        {
            endpoint.Temporary = true;
            endpoint.InstanceId = Guid.NewGuid().ToString("N")[..12];
        });
}
