using MassTransit;
using Microsoft.Extensions.Options;
using Moderation.Worker.Comments;

namespace Moderation.Worker.Notifications;

/// <summary>A durable queue of its own (<c>notify-readers</c>), shared by every worker instance, with the standard retry.</summary>
public sealed class ReaderNotificationConsumerDefinition : ConsumerDefinition<ReaderNotificationConsumer>
{
    public const string QueueName = "notify-readers";
    private readonly ConsumerOptions _options;

    public ReaderNotificationConsumerDefinition(IOptions<ConsumerOptions> options)
    {
        _options = options.Value;
        EndpointName = QueueName;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ReaderNotificationConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.UseStandardRetry(_options);
}
