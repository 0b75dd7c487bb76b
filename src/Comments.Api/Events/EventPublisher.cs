using Comments.Api.Caching;
using Comments.Api.Infrastructure.ArticleStates;
using Comments.Api.Standing;
using Comments.Contracts;
using Comments.Storage.Comments.Lifecycle;
using MassTransit;

namespace Comments.Api.Events;

/// <summary>
/// Publishes an event after a change the API has already committed to PostgreSQL. The change stands either way, so
/// a broker that does not confirm within the deadline is logged, not reported to the caller (there is no
/// transactional outbox in the packages available to us; see docs/how-it-works.md).
/// </summary>
public sealed class EventPublisher(
    IPublishEndpoint publisher, ArticleCacheEvictor cache, ReaderStandings standings, ArticleStateCache articleStates, ILogger<EventPublisher> logger)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(2);

    public async Task PublishAsync<T>(T message) where T : class
    {
        await cache.EvictAsync([.. ArticlesOf(message)]); // at once for this instance; the others hear the event
        if (message is ReaderStandingChanged standing)
        {
            standings.Apply(standing); // likewise
        }
        if (message is ArticleSettingsChanged changed)
        {
            articleStates.Evict(changed.SiteId, changed.ArticleId);
        }
        using var deadline = new CancellationTokenSource(Deadline);
        try
        {
            await publisher.Publish(message, deadline.Token);
        }
        catch (Exception exception) when (exception is OperationCanceledException or MassTransitException)
        {
            logger.LogWarning(exception, "Could not publish {Event}", typeof(T).Name);
        }
    }

    /// <summary>The event a lifecycle change calls for, if any.</summary>
    public Task PublishAsync(CommentTransition transition) => CommentLifecycle.EventFor(transition) switch
    {
        CommentsModerated moderated => PublishAsync(moderated),
        CommentDeleted deleted => PublishAsync(deleted),
        _ => Task.CompletedTask,
    };

    private static IEnumerable<string> ArticlesOf(object message) => message switch
    {
        CommentsModerated moderated => moderated.Items.Select(i => i.ArticleId).Distinct(),
        CommentDeleted deleted => [deleted.ArticleId],
        CommentReported reported => [reported.ArticleId],
        ReactionChanged { ArticleId: { } article } => [article],
        CommentFeatured featured => [featured.ArticleId],
        ArticleSettingsChanged settings => [settings.ArticleId],
        _ => [],
    };
}
