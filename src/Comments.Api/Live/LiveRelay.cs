using System.Text.Json;
using Comments.Api.Comments;
using Comments.Api.Infrastructure;
using Comments.Contracts;
using Comments.Storage;
using Comments.Storage.Decisions;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Comments.Api.Live;

/// <summary>
/// Turns the bus's events about comments into live events for the articles this instance streams: one read of the
/// comment per event (not per stream), and what goes out is what the public listing shows now. Runs on a temporary
/// queue of this instance, one message at a time, so that an article's events keep their order.
/// </summary>
public sealed class LiveRelay(LiveArticles live, CommentsDbContext db, IOptions<CommentOptions> options, IOptions<HttpJsonOptions> json)
    : IConsumer<CommentsModerated>, IConsumer<CommentDeleted>, IConsumer<CommentFeatured>, IConsumer<CommentReported>
{
    // CommentEdited is not consumed: the worker publishes it beside the revision's CommentsModerated, which says the same.
    public async Task Consume(ConsumeContext<CommentsModerated> context)
    {
        foreach (var item in context.Message.Items) // in the order decided
        {
            await RelayAsync(item.ArticleId, item.CommentId, item.Actor == Decision.SystemActor, context.CancellationToken);
        }
    }

    public Task Consume(ConsumeContext<CommentDeleted> context) =>
        RelayAsync(context.Message.ArticleId, context.Message.CommentId, pipelineDecision: false, context.CancellationToken);

    public Task Consume(ConsumeContext<CommentFeatured> context) =>
        RelayAsync(context.Message.ArticleId, context.Message.CommentId, pipelineDecision: false, context.CancellationToken);

    public Task Consume(ConsumeContext<CommentReported> context) => context.Message.Hidden
        ? RelayAsync(context.Message.ArticleId, context.Message.CommentId, pipelineDecision: false, context.CancellationToken)
        : Task.CompletedTask;

    private async Task RelayAsync(string articleId, Guid commentId, bool pipelineDecision, CancellationToken cancellationToken)
    {
        if (!live.IsWatched(articleId))
        {
            return;
        }
        // This instance's site only: another site's article with the same key is a different discussion.
        var found = await db.Comments.AsNoTracking()
            .Where(c => c.Id == commentId && c.SiteId == options.Value.SiteId && c.ArticleId == articleId)
            .Select(c => new { Comment = c, ParentReplyCount = db.Comments.Where(p => p.Id == c.ParentId).Select(p => (int?)p.ReplyCount).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return;
        }
        var comment = found.Comment;
        if (PublicComments.IsVisible(comment))
        {
            Publish(articleId, LiveEventKind.Comment, new LiveComment(comment.Id, comment.ParentId, CommentView.From(comment), found.ParentReplyCount));
        }
        else if (!(pipelineDecision && comment.Revision == 1))
        {
            // A first revision the pipeline did not publish was never public: not even its id goes out.
            Publish(articleId, LiveEventKind.Removed, new LiveComment(comment.Id, comment.ParentId, null, found.ParentReplyCount));
        }
    }

    private void Publish(string articleId, LiveEventKind kind, LiveComment data) =>
        live.Publish(articleId, kind, JsonSerializer.Serialize(data, json.Value.SerializerOptions));
}
