using Comments.Contracts;
using MassTransit;

namespace Moderation.Worker.Support;

/// <summary>The queue the API sends help requests to; the same bounded retry as comments, then the error queue.</summary>
public sealed class HelpRequestSubmittedConsumerDefinition : ConsumerDefinition<HelpRequestSubmittedConsumer>
{
    public HelpRequestSubmittedConsumerDefinition() => EndpointName = QueueNames.TriageHelpRequest;

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<HelpRequestSubmittedConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.UseStandardRetry();
}
