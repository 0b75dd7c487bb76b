using Comments.Contracts;
using MassTransit;
using Microsoft.Extensions.Options;
using Moderation.Worker.Comments;

namespace Moderation.Worker.Support;

/// <summary>The queue the API sends help requests to; the same bounded retry as comments, then the error queue.</summary>
public sealed class HelpRequestSubmittedConsumerDefinition : ConsumerDefinition<HelpRequestSubmittedConsumer>
{
    private readonly ConsumerOptions _options;

    public HelpRequestSubmittedConsumerDefinition(IOptions<ConsumerOptions> options)
    {
        _options = options.Value;
        EndpointName = QueueNames.TriageHelpRequest;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<HelpRequestSubmittedConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.UseStandardRetry(_options);
}
