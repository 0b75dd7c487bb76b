using Comments.Api.Infrastructure.PendingRows;
using Comments.Api.Observability;
using Comments.Contracts;
using Comments.ServiceDefaults.Broker;
using Comments.Storage;
using Comments.Storage.Comments;
using MassTransit;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;

namespace Comments.Api.Infrastructure;

/// <summary>
/// Hands a new comment to the broker. Returns only once RabbitMQ has confirmed the persistent message on the durable
/// moderation queue; that confirmation is what a 202 promises. Then waits for the comment's pending row, written with
/// others' by <see cref="PendingRowWriter"/> (best effort), so that its author sees it at once and slow mode counts it
/// on every instance.
/// </summary>
public sealed class BrokerIntake(
    IBus bus,
    ResiliencePipelineProvider<string> pipelines,
    IntakeMetrics metrics,
    PendingRowWriter pendingRows,
    IntakeQueues queues)
{
    public const string PipelineName = "comment-intake";
    public Uri ModerationQueue => queues.Address(QueueNames.ModerateComment);
    public Uri TriageQueue => queues.Address(QueueNames.TriageHelpRequest);

    public async Task SubmitAsync(CommentSubmitted comment, CancellationToken cancellationToken)
    {
        try
        {
            await SendAsync(comment, comment.CommentId, ModerationQueue, cancellationToken);
        }
        catch (BrokerUnavailableException)
        {
            metrics.Unavailable();
            throw;
        }
        metrics.Accepted();
        if (comment.Revision == 1)
        {
            // The broker has the comment and the worker will store it; without the row only the early "pending" view is missing.
            await pendingRows.WriteAsync(comment.ToPendingComment());
        }
    }

    /// <summary>Sends a persistent message to a durable queue and returns once the broker confirmed it, or throws <see cref="BrokerUnavailableException"/>.</summary>
    public async Task SendAsync<T>(T message, Guid messageId, Uri queue, CancellationToken cancellationToken) where T : class
    {
        try
        {
            // The timeout stops the wait, never the send itself: cancelling a send half-way through its channel
            // operations (the queue declare, the confirm) breaks the shared channel for every other request.
            await pipelines.GetPipeline(PipelineName).ExecuteAsync(
                async token => await SendOnceAsync(message, messageId, queue).WaitAsync(token), cancellationToken);
        }
        catch (BrokenCircuitException exception)
        {
            metrics.Shed();
            throw new BrokerUnavailableException(exception);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new BrokerUnavailableException(exception);
        }
    }

    private async Task SendOnceAsync<T>(T message, Guid messageId, Uri queue) where T : class
    {
        var endpoint = await bus.GetSendEndpoint(queue);
        await endpoint.Send(message, context =>
        {
            context.MessageId = messageId;
            // A message no queue takes comes back and fails the send (a 503), never confirmed and dropped.
            if (context.TryGetPayload<RabbitMqSendContext>(out var rabbit))
            {
                rabbit.Mandatory = true;
            }
        }, CancellationToken.None);
    }
}
