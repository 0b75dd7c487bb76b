using Comments.Moderation;
using Comments.Moderation.Analysis;
using Comments.ServiceDefaults;
using MassTransit;
using Moderation.Worker.Brigades;
using Moderation.Worker.Comments;
using Moderation.Worker.Messaging;
using Moderation.Worker.Pipeline;
using Moderation.Worker.Pipeline.Phases;
using Moderation.Worker.Learning;
using Moderation.Worker.Mail;
using Moderation.Worker.Notifications;
using Comments.Moderation.Notifications;
using Moderation.Worker.Retention;
using Moderation.Worker.Support;
using Moderation.Worker.Workbench;

namespace Moderation.Worker;

public static class ModerationServiceExtensions
{
    public static IHostApplicationBuilder AddModerationServices(this IHostApplicationBuilder builder)
    {
        // The pipeline first: its models load (hosted service) before the bus starts consuming.
        builder.Services.AddModerationPipeline();
        builder.AddServiceDefaults("moderation-worker", bus => bus.AddCommentConsumers());
        builder.Services.AddOptions<ConsumerOptions>().BindConfiguration(ConsumerOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHostedService<DeletedCommentPurger>();
        builder.Services.AddSingleton<ScheduledErasures>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<ScheduledErasures>());
        builder.Services.AddOptions<BrigadeWatchOptions>().BindConfiguration(BrigadeWatchOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<BrigadeWatch>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<BrigadeWatch>());
        builder.Services.AddOptions<RetrainingOptions>().BindConfiguration(RetrainingOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ScheduledRetraining>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<ScheduledRetraining>());
        builder.Services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<NotificationDigestOptions>().BindConfiguration(NotificationDigestOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<NotificationDigest>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<NotificationDigest>());
        builder.Services.AddHostedService<QueueSnapshotter>();
        builder.Services.AddHostedService<QueueCountFolder>();
        builder.Services.AddConsumptionTracking();
        builder.Services.AddHostedService<BrokerWatch>();
        builder.Services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<MailMetrics>();
        builder.Services.AddSingleton<MailDispatcher>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<MailDispatcher>());
        return builder;
    }

    public static void AddCommentConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<CommentSubmittedConsumer>(typeof(CommentSubmittedConsumerDefinition));
        bus.AddConsumer<HelpRequestSubmittedConsumer>(typeof(HelpRequestSubmittedConsumerDefinition));
        bus.AddConsumer<ReaderNotificationConsumer>(typeof(ReaderNotificationConsumerDefinition));
    }

    /// <summary>What this process took from the broker, for <see cref="BrokerWatch"/>'s stall check.</summary>
    public static IServiceCollection AddConsumptionTracking(this IServiceCollection services) => services
        .AddSingleton<ConsumptionTracker>()
        .AddReceiveObserver(provider => provider.GetRequiredService<ConsumptionTracker>());

    public static IServiceCollection AddModerationPipeline(this IServiceCollection services)
    {
        services.AddContentModeration();
        services.AddHostedService<ContentAnalyzerWarmup>();
        services.AddScoped<CommentDecider>();
        services.AddScoped<CommentGroup>();
        services.AddSingleton<DecisionGroups>();
        services.AddOptions<PostingLimitOptions>().BindConfiguration(PostingLimitOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        // The phases run in the order they are registered here.
        services.AddSingleton<IModerationPhase, LengthPhase>();
        services.AddSingleton<IModerationPhase, AuthorStatusPhase>();
        services.AddSingleton<IModerationPhase, StaffPhase>();
        services.AddSingleton<IModerationPhase, PostingLimitPhase>();
        services.AddSingleton<IModerationPhase, BannedWordsPhase>();
        services.AddSingleton<IModerationPhase, SuspectWordsPhase>();
        services.AddSingleton<IModerationPhase, HarmsPhase>();
        services.AddSingleton<IModerationPhase, ToxicityPhase>();
        services.AddSingleton<IModerationPhase, SpamPhase>();
        services.AddSingleton<IModerationPhase, LinksPhase>();
        services.AddSingleton<IModerationPhase, RepeatPostPhase>();
        services.AddSingleton<IModerationPhase, RecentHistoryPhase>();
        services.AddSingleton<IModerationPhase, NewCommenterPhase>();
        services.AddSingleton<IModerationPhase, PreModerationPhase>();
        services.AddSingleton<ModerationPipeline>();
        services.AddScoped<TriageContext>();
        services.AddScoped<ReaderNotifications>();
        services.AddMetrics();
        services.AddSingleton<QueueMetrics>();
        services.AddSingleton<ModerationMetrics>();
        return services;
    }
}
