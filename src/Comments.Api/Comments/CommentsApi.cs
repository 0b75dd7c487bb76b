using Comments.Api.Auth;
using Comments.Api.Caching;
using Comments.Api.Ignoring;
using Comments.Api.Infrastructure;
using Comments.Api.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Comments.Api.Comments;

/// <summary>Readers post, read, edit and delete comments.</summary>
public static class CommentsApi
{
    public static RouteGroupBuilder MapCommentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Comments");
        var bodyLimit = new RequestSizeLimitAttribute(app.ServiceProvider.GetRequiredService<IOptions<CommentOptions>>().Value.MaxRequestBodyBytes);

        api.MapPost("/articles/{articleId}/comments", CommentPosting.PostComment)
            .RequireAuthorization(Policies.Commenter).RequireRateLimiting(RateLimitPolicies.Posting).WithMetadata(bodyLimit);
        api.MapPost("/comments/check", CommentPosting.CheckDraft)
            .RequireAuthorization(Policies.Commenter).RequireRateLimiting(RateLimitPolicies.DraftChecks).WithMetadata(bodyLimit);
        api.MapPatch("/comments/{id:guid}", CommentChanges.EditComment)
            .RequireAuthorization(Policies.Commenter).RequireRateLimiting(RateLimitPolicies.Posting).WithMetadata(bodyLimit);
        api.MapDelete("/comments/{id:guid}", CommentChanges.DeleteComment)
            .RequireAuthorization(Policies.Commenter);

        api.MapGet("/articles/{articleId}/comments", CommentListing.ListArticleComments).CacheAsPublicListing().WithMetadata(LeavesOutIgnoredAuthors.Instance);
        api.MapGet("/articles/{articleId}/stats", CommentListing.GetArticleStats).CacheAsPublicListing();
        api.MapGet("/articles/counts", ArticleCounts.GetCounts).CacheAsPublicListing();
        api.MapGet("/articles/{articleId}/comments/mine", CommentListing.ListMyUnpublished).RequireAuthorization(Policies.Commenter);
        api.MapGet("/comments/{id:guid}", CommentListing.GetComment);
        api.MapGet("/comments/{id:guid}/replies", CommentListing.ListReplies);
        return api;
    }
}
