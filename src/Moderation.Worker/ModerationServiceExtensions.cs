using Comments.ServiceDefaults;
using Moderation.Worker.Comments;
using Moderation.Worker.Pipeline;
using Moderation.Worker.Pipeline.Phases;

namespace Moderation.Worker;

public static class ModerationServiceExtensions
{
    public static IHostApplicationBuilder AddModerationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDefaults(bus => bus.AddCommentConsumers());
        builder.Services.AddModerationPipeline();
        return builder;
    }

    public static void AddCommentConsumers(this MassTransit.IBusRegistrationConfigurator bus) =>
        bus.AddConsumer<CommentSubmittedConsumer>(typeof(CommentSubmittedConsumerDefinition));

    public static IServiceCollection AddModerationPipeline(this IServiceCollection services)
    {
        services.AddOptions<ModerationOptions>()
            .BindConfiguration(ModerationOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // The phases run in the order they are registered here.
        services.AddSingleton<IModerationPhase, LengthPhase>();
        services.AddSingleton<ModerationPipeline>();
        return services;
    }
}
