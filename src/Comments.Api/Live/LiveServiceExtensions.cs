using MassTransit;

namespace Comments.Api.Live;

public static class LiveServiceExtensions
{
    public static IHostApplicationBuilder AddLive(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<LiveOptions>().BindConfiguration(LiveOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<LiveArticles>();
        builder.Services.AddHostedService<LiveFeedSweep>();
        return builder;
    }

    /// <summary>The relay on a temporary queue of this instance (every instance hears every event), one message at a time to keep their order.</summary>
    public static void AddLiveRelay(this IBusRegistrationConfigurator bus) =>
        bus.AddConsumer<LiveRelay>().Endpoint(endpoint =>
        {
            endpoint.Temporary = true;
            endpoint.InstanceId = Guid.NewGuid().ToString("N")[..12];
            endpoint.ConcurrentMessageLimit = 1;
        });
}
