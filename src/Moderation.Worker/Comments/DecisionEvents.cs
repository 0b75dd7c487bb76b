using Comments.Storage;
using Comments.Contracts;
using Comments.Storage.Comments.Lifecycle;
using MassTransit;

namespace Moderation.Worker.Comments;

/// <summary>
/// Publishes the events about stored decisions, also on a redelivery, so that a publish lost after the commit is made
/// good. Each wait gets <see cref="ConsumerOptions.PublishTimeout"/>; the deadline stops the wait, never the publish
/// itself (as in the API's intake: cancelling a publish half-way breaks the channel it shares with every other consumer).
/// </summary>
public static class DecisionEvents
{
    /// <summary>One event for a group's decisions, whose consumers each wait for it (<see cref="GroupDecision"/>).</summary>
    public static Task PublishGroupAsync(this IPublishEndpoint bus, IEnumerable<StoredDecision> decided) =>
        bus.Publish(new CommentsModerated { Items = [.. decided.Select(Moderated)] }, CancellationToken.None);

    /// <summary>The events about one message's decision: a list of one, and <see cref="CommentEdited"/> after an edit.</summary>
    public static async Task PublishDecisionAsync(this ConsumeContext context, CommentSubmitted message, StoredDecision? stored, TimeSpan timeout)
    {
        if (stored is null)
        {
            return; // A revision refused, of a deleted comment, or overtaken by a later revision: nothing was decided.
        }
        await context.Publish(new CommentsModerated { Items = [Moderated(stored)] }, CancellationToken.None).WaitAsync(timeout, context.CancellationToken);
        if (stored.Edited)
        {
            await context.Publish(new CommentEdited
            {
                CommentId = message.CommentId,
                ArticleId = stored.ArticleId,
                Revision = message.Revision,
                Status = stored.Status.WireName(),
                EditedAt = message.SubmittedAt,
            }, CancellationToken.None).WaitAsync(timeout, context.CancellationToken);
        }
    }

    private static ModeratedComment Moderated(StoredDecision stored) => CommentLifecycle.ModeratedOf(stored.Decision, stored.ArticleId);
}
