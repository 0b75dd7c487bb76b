using System.Diagnostics;
using Comments.Contracts;
using Comments.Storage;
using MassTransit;
using Microsoft.Extensions.Options;
using Moderation.Worker.Messaging;

namespace Moderation.Worker.Comments;

/// <summary>
/// Moderates a submitted comment or revision through <see cref="CommentGroup"/>: new comments together with the others
/// consumers hold (<see cref="DecisionGroups"/>), everything else as a group of one. Safe to repeat
/// (docs/architecture.md, "Deciding a comment").
/// </summary>
public sealed class CommentSubmittedConsumer(
    CommentsDbContext db,
    CommentGroup group,
    DecisionGroups groups,
    TimeProvider clock,
    QueueMetrics metrics,
    IOptions<ConsumerOptions> options)
    : IConsumer<CommentSubmitted>
{
    public async Task Consume(ConsumeContext<CommentSubmitted> context)
    {
        var message = context.Message;
        metrics.RecordLag(clock.GetUtcNow() - message.SubmittedAt);
        // A retried message is decided alone, so that one that failed in a group cannot fail another group; it also
        // publishes its decision again if the group's event was not confirmed.
        if (context.GetRetryAttempt() == 0 && await groups.DecideAsync(message, context.CancellationToken) is { } inGroup)
        {
            await inGroup.Published.WaitAsync(options.Value.PublishTimeout, context.CancellationToken);
            return;
        }
        await context.PublishDecisionAsync(message, await DecideAloneAsync(message, context.CancellationToken), options.Value.PublishTimeout);
    }

    /// <summary>A revision, a retry, a redelivery, a copy, or a message whose group failed: a group of one, or the decision stored before.</summary>
    private async Task<StoredDecision?> DecideAloneAsync(CommentSubmitted message, CancellationToken cancellationToken)
    {
        var decided = await group.DecideAsync([new GroupMember(message, Activity.Current?.Context ?? default)], cancellationToken);
        return decided.GetValueOrDefault(message.CommentId)
            ?? (await StoredDecision.FindAsync(db, [message], cancellationToken)).GetValueOrDefault(message.CommentId);
    }
}
