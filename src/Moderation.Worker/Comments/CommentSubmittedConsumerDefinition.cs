using Comments.Contracts;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Moderation.Worker.Comments;

/// <summary>
/// The queue the API sends to; batches of up to <see cref="ConsumerOptions.DecisionGroupSize"/> messages,
/// <see cref="ConsumerOptions.DecisionGroupLoops"/> at a time; the prefetch and concurrency from <see cref="ConsumerOptions"/>;
/// and the standard retry (<see cref="RetryPolicy"/>) of each message on its own, after which it moves to
/// <c>moderate-comment_error</c>. MassTransit delivers a retried message at once in a batch of its own.
/// </summary>
public sealed class CommentSubmittedConsumerDefinition : ConsumerDefinition<CommentSubmittedConsumer>
{
    private readonly ConsumerOptions _options;

    public CommentSubmittedConsumerDefinition(IOptions<ConsumerOptions> options)
    {
        _options = options.Value;
        EndpointName = QueueNames.ModerateComment;
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
        if (_options.ConcurrentMessageLimit > 0)
        {
            endpointConfigurator.ConcurrentMessageLimit = _options.ConcurrentMessageLimit;
        }
        endpointConfigurator.UseStandardRetry(_options);
        // MassTransit raises the prefetch and the concurrency to at least size x loops, so that a batch can fill.
        consumerConfigurator.Options<BatchOptions>(batch => batch
            .SetMessageLimit(_options.DecisionGroupSize)
            .SetConcurrencyLimit(_options.DecisionGroupLoops)
            .SetTimeLimit(_options.DecisionGroupTimeLimit));
    }
}
