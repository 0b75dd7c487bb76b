using Comments.Contracts;
using Comments.ServiceDefaults.Broker;
using MassTransit;
using Microsoft.Extensions.Options;
using Moderation.Worker.Comments;

namespace Moderation.Worker.Support;

/// <summary>The queue the API sends help requests to; the same bounded retry as comments, then the error queue.</summary>
public sealed class HelpRequestSubmittedConsumerDefinition : ConsumerDefinition<HelpRequestSubmittedConsumer>
{
    private readonly ConsumerOptions _options;
    private readonly IntakeQueues _queues;

    public HelpRequestSubmittedConsumerDefinition(IOptions<ConsumerOptions> options, IntakeQueues queues)
    {
        _options = options.Value;
        _queues = queues;
        EndpointName = QueueNames.TriageHelpRequest;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<HelpRequestSubmittedConsumer> consumerConfigurator, IRegistrationContext context)
    {
        _queues.Configure(endpointConfigurator);
        endpointConfigurator.UseStandardRetry(_options);
    }
}
