using Comments.Contracts;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Moderation.Worker.Comments;

/// <summary>
/// The queue the API sends to, and the only retry layer on this path: a failing message is retried with
/// exponential back-off for about a minute (long enough to ride out a database restart), then moved to
/// <c>moderate-comment_error</c>.
/// </summary>
public sealed class CommentSubmittedConsumerDefinition : ConsumerDefinition<CommentSubmittedConsumer>
{
    private readonly ConsumerOptions _options;

    public CommentSubmittedConsumerDefinition(IOptions<ConsumerOptions> options)
    {
        _options = options.Value;
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
        endpointConfigurator.UseMessageRetry(retry => retry.Exponential(
            retryLimit: 10,
            minInterval: TimeSpan.FromMilliseconds(200),
            maxInterval: TimeSpan.FromSeconds(15),
            intervalDelta: TimeSpan.FromMilliseconds(500)));
    }
}
