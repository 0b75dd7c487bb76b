using Comments.Storage;
using Comments.Contracts;
using MassTransit;

namespace Moderation.Worker.Comments;

/// <summary>
/// Publishes the events about a stored decision, also on a redelivery, so that a publish lost after the commit is made
/// good. Each publish gets <see cref="ConsumerOptions.PublishTimeout"/>; the deadline stops the wait, never the publish
/// itself (as in the API's intake: cancelling a publish half-way breaks the channel it shares with every other consumer).
/// </summary>
public static class DecisionEvents
{
    public static async Task PublishDecisionAsync(this ConsumeContext context, CommentSubmitted message, StoredDecision? stored, TimeSpan timeout)
    {
        if (stored is null)
        {
            return; // A revision refused, of a deleted comment, or overtaken by a later revision: nothing was decided.
        }
        await context.Publish(new CommentModerated
        {
            CommentId = message.CommentId,
            ArticleId = stored.ArticleId,
            Outcome = stored.Decision.Outcome.WireName(),
            ReasonCodes = stored.Decision.ReasonCodes,
            Actor = stored.Decision.Actor,
            DecidedAt = stored.Decision.DecidedAt,
        }, CancellationToken.None).WaitAsync(timeout, context.CancellationToken);
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
}
