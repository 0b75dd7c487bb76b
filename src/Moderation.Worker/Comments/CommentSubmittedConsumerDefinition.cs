using Comments.Contracts;
using MassTransit;

namespace Moderation.Worker.Comments;

/// <summary>
/// The queue the API sends to, and the only retry layer on this path: a failing message is retried with
/// exponential back-off for about a minute (long enough to ride out a database restart), then moved to
/// <c>moderate-comment_error</c>.
/// </summary>
public sealed class CommentSubmittedConsumerDefinition : ConsumerDefinition<CommentSubmittedConsumer>
{
    public const int PrefetchCount = 100;

    public CommentSubmittedConsumerDefinition() => EndpointName = QueueNames.ModerateComment;

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<CommentSubmittedConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        if (endpointConfigurator is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.PrefetchCount = PrefetchCount;
        }
        endpointConfigurator.UseMessageRetry(retry => retry.Exponential(
            retryLimit: 10,
            minInterval: TimeSpan.FromMilliseconds(200),
            maxInterval: TimeSpan.FromSeconds(15),
            intervalDelta: TimeSpan.FromMilliseconds(500)));
    }
}
