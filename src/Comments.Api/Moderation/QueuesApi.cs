using Comments.Storage.Articles;
using Comments.Api.Auth;
using Comments.Api.Infrastructure;
using Comments.Storage;
using Comments.Storage.Comments;
using Comments.Storage.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Comments.Api.Moderation;

/// <summary>Review queues: counts, pages of items, and claims that keep two moderators off the same comment.</summary>
public static class QueuesApi
{
    public static RouteGroupBuilder MapQueuesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/moderation").WithTags("Moderation queues").RequireAuthorization(Policies.Moderator);
        api.MapGet("/queues", GetCounts);
        api.MapGet("/queues/{queue}", ListQueue);
        api.MapPost("/next", ClaimNext);
        api.MapPost("/comments/{id:guid}/claim", Claim);
        api.MapDelete("/comments/{id:guid}/claim", Release);
        return api;
    }

    public static async Task<Results<Ok<QueueCounts>, ValidationProblem>> GetCounts(string? siteId, CommentsDbContext db, CancellationToken cancellationToken)
    {
        if (SiteKey.Validate(siteId, out var site) is { } problem)
        {
            return problem;
        }
        var counts = await db.ReadQueueCountsAsync(site, cancellationToken);
        return TypedResults.Ok(new QueueCounts(site, WireNames<ReviewQueue>.All.ToDictionary(name => name, name => Math.Max(0, counts.GetValueOrDefault(name)))));
    }

    public static async Task<Results<Ok<Page<QueueItem>>, ValidationProblem>> ListQueue(
        string queue, string? siteId, string? articleId, string? reason, bool? underAttack, string? sort, int? limit, string? cursor,
        CommentsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        sort ??= "oldest";
        var errors = Paging.Validate(limit, cursor, $"queue-{sort}", out var position);
        if (!WireNames<ReviewQueue>.TryParse(queue, out var reviewQueue)) errors["queue"] = [$"queue must be {WireNames<ReviewQueue>.OneOf}."];
        if (sort is not ("oldest" or "newest")) errors["sort"] = ["sort must be oldest or newest."];
        if (articleId is not null && !ArticleKey.IsValid(articleId)) errors["articleId"] = [ArticleKey.Rule];
        if (reason is { Length: > 40 }) errors["reason"] = ["reason is a reason code such as LINKS."];
        if (SiteKey.Validate(siteId, out var site) is not null) errors["siteId"] = ["siteId must be 1 to 100 characters of a-z, 0-9 and -."];
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var items = db.Comments.AsNoTracking().Where(c => c.SiteId == site).In(reviewQueue);
        if (articleId is not null) items = items.Where(c => c.ArticleId == articleId);
        if (underAttack == true)
        {
            // Only articles under protection against a brigade: the console's filter for them.
            var now = clock.GetUtcNow();
            items = items.Where(c => db.ArticleProtections.Where(ArticleProtection.ActiveAt(now)).Any(p => p.SiteId == c.SiteId && p.ArticleId == c.ArticleId));
        }
        if (reason == "APPEAL") items = items.Where(c => c.AppealHelpRequestId != null);
        else if (reason is not null) items = items.Where(c => db.Decisions.Any(d => d.CommentId == c.Id && d.Revision == c.Revision && d.ReasonCodes.Contains(reason)));
        var pageSize = limit ?? Paging.DefaultPageSize;
        var ordered = sort == "newest"
            ? (position is null ? items : items.Where(c => EF.Functions.LessThan(ValueTuple.Create(c.CreatedAt, c.Id), ValueTuple.Create(position.CreatedAt, position.Id))))
                .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            : (position is null ? items : items.Where(c => EF.Functions.GreaterThan(ValueTuple.Create(c.CreatedAt, c.Id), ValueTuple.Create(position.CreatedAt, position.Id))))
                .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id);
        return TypedResults.Ok(await ordered.ToPageAsync(pageSize, last => new ListingCursor($"queue-{sort}", 0, last.CreatedAt, last.Id),
            page => QueueItems.BuildAsync(db, page, cancellationToken), cancellationToken));
    }

    /// <summary>The oldest unclaimed item of a queue, claimed for the caller (FOR UPDATE SKIP LOCKED), or 204 when none is left.</summary>
    public static async Task<Results<Ok<QueueItem>, NoContent, ValidationProblem>> ClaimNext(
        string? queue, string? siteId, HttpContext http, CommentsDbContext db, IOptions<WorkbenchOptions> options, TimeProvider clock)
    {
        queue ??= "pending";
        if (!WireNames<ReviewQueue>.TryParse(queue, out var reviewQueue) || SiteKey.Validate(siteId, out var site) is not null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["queue"] = [$"queue must be {WireNames<ReviewQueue>.OneOf}; siteId a site key."] });
        }
        var cancellationToken = http.RequestAborted;
        var me = http.User.UserId()!;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var now = clock.GetUtcNow();
            var candidates = await db.Comments.AsNoTracking().Where(c => c.SiteId == site).In(reviewQueue)
                .Where(c => c.ClaimExpiresAt == null || c.ClaimExpiresAt < now || c.ClaimedBy == me)
                .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Select(c => c.Id).Take(10).ToListAsync(cancellationToken);
            if (candidates.Count == 0)
            {
                return TypedResults.NoContent();
            }
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimed = await db.Comments.FromSql($"""
                select *, xmin from comments where id = any({candidates.ToArray()})
                and (claim_expires_at is null or claim_expires_at < {now} or claimed_by = {me})
                order by created_at, id limit 1 for update skip locked
                """).FirstOrDefaultAsync(cancellationToken);
            if (claimed is null)
            {
                continue;
            }
            Claims.Take(db, claimed, me, now + options.Value.ClaimLease, now);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return TypedResults.Ok((await QueueItems.BuildAsync(db, [claimed], cancellationToken))[0]);
        }
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<QueueItem>, NotFound, ProblemHttpResult>> Claim(
        Guid id, HttpContext http, CommentsDbContext db, IOptions<WorkbenchOptions> options, TimeProvider clock)
    {
        var cancellationToken = http.RequestAborted;
        var me = http.User.UserId()!;
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var comment = await db.Comments.LockAsync(id, cancellationToken);
        if (comment is null)
        {
            return TypedResults.NotFound();
        }
        if (Claims.HeldByOther(comment, me, now))
        {
            return ClaimedProblem(comment);
        }
        Claims.Take(db, comment, me, now + options.Value.ClaimLease, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok((await QueueItems.BuildAsync(db, [comment], cancellationToken))[0]);
    }

    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> Release(Guid id, HttpContext http, CommentsDbContext db, TimeProvider clock)
    {
        var me = http.User.UserId()!;
        var comment = await db.Comments.FirstOrDefaultAsync(c => c.Id == id, http.RequestAborted);
        if (comment is null)
        {
            return TypedResults.NotFound();
        }
        if (Claims.HeldByOther(comment, me, clock.GetUtcNow()))
        {
            return ClaimedProblem(comment);
        }
        if (comment.ClaimedBy is not null)
        {
            db.Audit(me, "release", "comment", id.ToString(), clock.GetUtcNow(), new { comment.ClaimedBy, comment.ClaimExpiresAt });
            comment.ClaimedBy = null;
            comment.ClaimExpiresAt = null;
            await db.SaveChangesAsync(http.RequestAborted);
        }
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult ClaimedProblem(Comment comment) => TypedResults.Problem(
        title: "Claimed by another moderator",
        detail: $"{comment.ClaimedBy} is working on this comment until {comment.ClaimExpiresAt:O}.",
        statusCode: StatusCodes.Status409Conflict);
}

public sealed record QueueCounts(string SiteId, IReadOnlyDictionary<string, int> Counts);
