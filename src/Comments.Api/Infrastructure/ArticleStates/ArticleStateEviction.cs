using Comments.Contracts;
using MassTransit;

namespace Comments.Api.Infrastructure.ArticleStates;

/// <summary>
/// Evicts an article's cached state when a moderator (on any instance) or the worker's brigade watch changed its
/// settings or protection. Runs on a temporary queue of this instance, so every API instance hears every change.
/// </summary>
public sealed class ArticleStateEviction(ArticleStateCache cache) : IConsumer<ArticleSettingsChanged>
{
    public Task Consume(ConsumeContext<ArticleSettingsChanged> context)
    {
        cache.Evict(context.Message.SiteId, context.Message.ArticleId);
        return Task.CompletedTask;
    }
}
