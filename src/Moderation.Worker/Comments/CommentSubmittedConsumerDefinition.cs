using Comments.Contracts;
using Comments.ServiceDefaults.Broker;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Moderation.Worker.Comments;

/// <summary>
/// The queue the API sends to, the prefetch and concurrency from <see cref="ConsumerOptions"/>, and the standard
/// retry (<see cref="RetryPolicy"/>), after which a message moves to <c>moderate-comment_error</c>.
/// </summary>
public sealed class CommentSubmittedConsumerDefinition : ConsumerDefinition<CommentSubmittedConsumer>
{
    private readonly ConsumerOptions _options;
    private readonly IntakeQueues _queues;

    public CommentSubmittedConsumerDefinition(IOptions<ConsumerOptions> options, IntakeQueues queues)
    {
        _options = options.Value;
        _queues = queues;
        EndpointName = QueueNames.ModerateComment;
        if (_options.ConcurrentMessageLimit > 0)
        {
            ConcurrentMessageLimit = _options.ConcurrentMessageLimit;
        }
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<CommentSubmittedConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        if (endpointConfigurator is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.PrefetchCount = _options.PrefetchCount;
        }
        _queues.Configure(endpointConfigurator);
        endpointConfigurator.UseStandardRetry(_options);
    }
}
