using Comments.Api.Auth;
using Comments.Api.Events;
using Comments.Api.Infrastructure;
using Comments.Contracts;
using Comments.Storage;
using Comments.Storage.Audit;
using Comments.Storage.Comments;
using Comments.Storage.Comments.Lifecycle;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Comments.Api.Moderation;

/// <summary>
/// Editors' picks: a moderator features a published comment (<c>PUT</c>) or takes it back (<c>DELETE</c>); both are
/// idempotent, audited when they change something, and evict the article's cached listings. The public sees them
/// with <c>sort=featured</c>; a rejection, an edit or a deletion ends a pick (<see cref="CommentLifecycle"/>).
/// </summary>
public static class EditorsPicksApi
{
    public static RouteGroupBuilder MapEditorsPicksApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/moderation").WithTags("Editors' picks").RequireAuthorization(Policies.Moderator);
        api.MapPut("/comments/{id:guid}/featured", (Guid id, HttpContext http, CommentsDbContext db, EventPublisher events, TimeProvider clock, IOptions<CommentOptions> options) =>
            ChangeAsync(id, featured: true, http, db, events, clock, options));
        api.MapDelete("/comments/{id:guid}/featured", (Guid id, HttpContext http, CommentsDbContext db, EventPublisher events, TimeProvider clock, IOptions<CommentOptions> options) =>
            ChangeAsync(id, featured: false, http, db, events, clock, options));
        return api;
    }

    public static async Task<Results<Ok<FeaturedView>, NotFound, ProblemHttpResult>> ChangeAsync(
        Guid id, bool featured, HttpContext http, CommentsDbContext db, EventPublisher events, TimeProvider clock, IOptions<CommentOptions> options)
    {
        var cancellationToken = http.RequestAborted;
        var moderator = http.User.UserId()!;
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Locked, so that a decision or a deletion at the same moment comes before or after, never in between.
        var comment = await db.Comments.LockAsync(id, cancellationToken);
        if (comment is null || comment.SiteId != options.Value.SiteId)
        {
            return TypedResults.NotFound();
        }
        if (featured && !comment.IsPublic)
        {
            return TypedResults.Problem(title: "Only a published comment can be featured",
                detail: $"This comment is {CommentLifecycle.StateOf(comment).WireName()}; approve it first.", statusCode: StatusCodes.Status409Conflict);
        }
        if (comment.FeaturedAt is not null == featured)
        {
            return TypedResults.Ok(FeaturedView.From(comment));
        }
        var before = comment.FeaturedAt;
        comment.FeaturedAt = featured ? now : null;
        db.Audit(moderator, featured ? "feature" : "unfeature", "comment", id.ToString(), now, new { FeaturedAt = before }, new { comment.FeaturedAt });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        await events.PublishAsync(new CommentFeatured { CommentId = id, ArticleId = comment.ArticleId, Featured = featured, Actor = moderator, ChangedAt = now });
        return TypedResults.Ok(FeaturedView.From(comment));
    }
}

public sealed record FeaturedView(Guid CommentId, string ArticleId, bool Featured, DateTimeOffset? FeaturedAt)
{
    public static FeaturedView From(Comment comment) => new(comment.Id, comment.ArticleId, comment.FeaturedAt is not null, comment.FeaturedAt);
}
