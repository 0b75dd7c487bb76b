using Comments.Api.Errors;
using Comments.Api.Auth;
using Comments.Api.Events;
using Comments.Api.Infrastructure;
using Comments.Api.RateLimiting;
using Comments.Api.Standing;
using Comments.Contracts;
using Comments.Moderation.Language;
using Comments.Storage;
using Comments.Storage.Comments;
using Comments.Storage.Reactions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Comments.Api.Reactions;

/// <summary>One "respect" per reader per comment: PUT adds it, DELETE takes it back; both are idempotent.</summary>
public static class ReactionsApi
{
    public static RouteGroupBuilder MapReactionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/comments/{id:guid}/reactions/respect").WithTags("Reactions")
            .RequireAuthorization(Policies.Commenter).RequireRateLimiting(RateLimitPolicies.Reactions);
        api.MapPut("/", (Guid id, HttpContext http, CommentsDbContext db, EventPublisher events, TimeProvider clock, IOptions<CommentOptions> options,
            IStringLocalizer<ReaderText> text, ReaderStandings standings) => ChangeAsync(id, add: true, http, db, events, clock, options, text, standings));
        api.MapDelete("/", (Guid id, HttpContext http, CommentsDbContext db, EventPublisher events, TimeProvider clock, IOptions<CommentOptions> options,
            IStringLocalizer<ReaderText> text, ReaderStandings standings) => ChangeAsync(id, add: false, http, db, events, clock, options, text, standings));
        return api;
    }

    public static async Task<Results<Ok<ReactionView>, NotFound, ProblemHttpResult>> ChangeAsync(
        Guid id, bool add, HttpContext http, CommentsDbContext db, EventPublisher events, TimeProvider clock, IOptions<CommentOptions> options,
        IStringLocalizer<ReaderText> text, ReaderStandings standings)
    {
        var cancellationToken = http.RequestAborted;
        var user = http.User.UserId()!;
        var now = clock.GetUtcNow();
        // Taking a reaction back is always allowed; adding one is not, while banned or suspended.
        if (add && await StandingCheck.RefusalAsync(standings, text, user, now, cancellationToken) is { } refused)
        {
            return refused.ToProblem();
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var comment = await db.Comments.LockAsync(id, cancellationToken);
        if (comment is null || !comment.IsPublic || comment.SiteId != options.Value.SiteId)
        {
            return TypedResults.NotFound();
        }
        var changed = add
            ? await db.Database.ExecuteSqlInterpolatedAsync(
                $"insert into reactions (comment_id, user_id, kind, created_at) values ({id}, {user}, {Reaction.Respect}, {now}) on conflict do nothing", cancellationToken)
            : await db.Reactions.Where(r => r.CommentId == id && r.UserId == user && r.Kind == Reaction.Respect).ExecuteDeleteAsync(cancellationToken);
        if (changed > 0)
        {
            comment.RespectCount = Math.Max(0, comment.RespectCount + (add ? 1 : -1));
            comment.BestScore = BestScore.Of(comment.RespectCount);
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);

        if (changed > 0)
        {
            await events.PublishAsync(new ReactionChanged
            {
                CommentId = id, ArticleId = comment.ArticleId, UserId = user, Kind = Reaction.Respect, Added = add, Count = comment.RespectCount, ChangedAt = now,
            });
        }
        return TypedResults.Ok(new ReactionView(id, comment.RespectCount, add));
    }
}

public sealed record ReactionView(Guid CommentId, int RespectCount, bool Reacted);
