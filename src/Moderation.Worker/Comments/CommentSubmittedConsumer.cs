using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Comments.Contracts;
using MassTransit;
using MassTransit.Logging;
using Microsoft.Extensions.Options;
using Moderation.Worker.Messaging;

namespace Moderation.Worker.Comments;

/// <summary>
/// Moderates the comments and revisions MassTransit hands over in a batch (<see cref="CommentSubmittedConsumerDefinition"/>):
/// the new comments together in one <see cref="CommentGroup"/>, everything else, and each message of a group that
/// failed, as a group of one. Only a message that fails on its own fails (docs/architecture.md, "Deciding a comment").
/// </summary>
public sealed class CommentSubmittedConsumer(
    CommentDecisions decisions,
    TimeProvider clock,
    QueueMetrics metrics,
    IOptions<ConsumerOptions> options)
    : IConsumer<Batch<CommentSubmitted>>
{
    public async Task Consume(ConsumeContext<Batch<CommentSubmitted>> context)
    {
        var started = Stopwatch.GetTimestamp();
        var messages = context.Message.ToList();
        foreach (var message in messages)
        {
            metrics.RecordLag(clock.GetUtcNow() - message.Message.SubmittedAt);
        }
        var outcomes = await decisions.DecideAsync([.. messages.Select(m => new GroupMember(m.Message, TraceOf(m, messages.Count)))], context.CancellationToken);
        var failures = await Task.WhenAll(messages.Zip(outcomes, PublishAsync));
        if (failures.FirstOrDefault(f => f is not null) is not { } failure)
        {
            return;
        }
        // MassTransit fails every message of a batch that throws unless it was marked consumed: the others are done.
        foreach (var (message, _) in messages.Zip(failures).Where(m => m.Second is null))
        {
            await message.NotifyConsumed(message, Stopwatch.GetElapsedTime(started), nameof(CommentSubmittedConsumer));
        }
        ExceptionDispatchInfo.Throw(failure);
    }

    /// <summary>The decision's events, or why the message failed.</summary>
    private async Task<Exception?> PublishAsync(ConsumeContext<CommentSubmitted> context, MessageOutcome outcome)
    {
        if (outcome.Failure is not null)
        {
            return outcome.Failure;
        }
        try
        {
            await context.PublishDecisionAsync(context.Message, outcome.Decision, options.Value.PublishTimeout);
            return null;
        }
        catch (Exception exception) when (!context.CancellationToken.IsCancellationRequested)
        {
            return exception;
        }
    }

    /// <summary>
    /// Alone in its batch a message's consume span is current (MassTransit runs the batch in the trace of its last
    /// message); in a larger batch each comment's trace is known from the span that sent it.
    /// </summary>
    private static ActivityContext TraceOf(ConsumeContext<CommentSubmitted> context, int batchSize) =>
        batchSize == 1 ? Activity.Current?.Context ?? default
        : ActivityContext.TryParse(context.Headers.Get<string>(DiagnosticHeaders.ActivityId), null, out var sent) ? sent : default;
}
