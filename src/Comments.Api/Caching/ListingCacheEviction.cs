using Comments.Contracts;
using MassTransit;

namespace Comments.Api.Caching;

/// <summary>
/// Evicts an article's cached listings when the worker (or another API instance) changed its comments. Runs on a
/// temporary queue of this instance, so every API instance hears every event.
/// </summary>
public sealed class ListingCacheEviction(ArticleCacheEvictor evictor)
    : IConsumer<CommentsModerated>, IConsumer<CommentEdited>, IConsumer<CommentDeleted>, IConsumer<CommentReported>, IConsumer<ReactionChanged>,
      IConsumer<CommentFeatured>, IConsumer<ArticleSettingsChanged>
{
    /// <summary>A group's decisions: each article once.</summary>
    public Task Consume(ConsumeContext<CommentsModerated> context) =>
        evictor.EvictAsync([.. context.Message.Items.Select(i => i.ArticleId).Distinct()]);

    public Task Consume(ConsumeContext<CommentEdited> context) => evictor.EvictAsync(context.Message.ArticleId);
    public Task Consume(ConsumeContext<CommentDeleted> context) => evictor.EvictAsync(context.Message.ArticleId);
    public Task Consume(ConsumeContext<CommentReported> context) => evictor.EvictAsync(context.Message.ArticleId);
    public Task Consume(ConsumeContext<CommentFeatured> context) => evictor.EvictAsync(context.Message.ArticleId);
    public Task Consume(ConsumeContext<ReactionChanged> context) =>
        context.Message.ArticleId is { } articleId ? evictor.EvictAsync(articleId) : Task.CompletedTask;
    public Task Consume(ConsumeContext<ArticleSettingsChanged> context) => evictor.EvictAsync(context.Message.ArticleId);
}
