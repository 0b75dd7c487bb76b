using Comments.Api.Auth;
using Comments.Api.Infrastructure;
using Comments.Moderation.Language;
using Comments.Storage;
using Comments.Storage.Comments;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Comments.Api.Ignoring;

/// <summary>
/// A signed-in reader ignores another reader: that reader's comments and replies leave this reader's listings. PUT and
/// DELETE are idempotent; any user id may be ignored (whether it has commented is not told, so nothing can be probed).
/// </summary>
public static class IgnoreApi
{
    public static RouteGroupBuilder MapIgnoreApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/me/ignored").WithTags("Ignored readers").RequireAuthorization(Policies.Commenter);
        api.MapGet("/", List);
        api.MapPut("/{userId}", Ignore);
        api.MapDelete("/{userId}", Unignore);
        return api;
    }

    public static async Task<Ok<IReadOnlyList<IgnoredReaderView>>> List(
        HttpContext http, CommentsDbContext db, IOptions<CommentOptions> options, CancellationToken cancellationToken)
    {
        var site = options.Value.SiteId;
        var me = http.User.UserId();
        // The name each one last published under on this site, so the reader knows whom they ignore (only an approved
        // comment's name: any id can be ignored, and this must not tell of held or rejected comments).
        var published = db.Comments.Where(c => c.Status == CommentStatus.Approved);
        var ignored = await db.IgnoredReaders.AsNoTracking().Where(i => i.SiteId == site && i.ReaderId == me)
            .OrderByDescending(i => i.CreatedAt)
            .Select(i => new IgnoredReaderView(i.IgnoredId,
                published.Where(c => c.SiteId == site && c.AuthorId == i.IgnoredId).OrderByDescending(c => c.CreatedAt).Select(c => c.AuthorName).FirstOrDefault(),
                i.CreatedAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<IgnoredReaderView>>(ignored);
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Ignore(
        string userId, HttpContext http, CommentsDbContext db, IOptions<CommentOptions> options, IOptions<IgnoreOptions> ignoring,
        IStringLocalizer<ReaderText> text, TimeProvider clock, CancellationToken cancellationToken)
    {
        var me = http.User.UserId()!;
        if (Validate(userId, me) is { } invalid)
        {
            return invalid;
        }
        var site = options.Value.SiteId;
        var mine = db.IgnoredReaders.Where(i => i.SiteId == site && i.ReaderId == me);
        if (await mine.AnyAsync(i => i.IgnoredId == userId, cancellationToken))
        {
            return TypedResults.NoContent();
        }
        // Two PUTs at once may both pass and end one over the cap; the cap bounds a listing's filter, not a security line.
        var max = ignoring.Value.MaxIgnoredReaders;
        if (await mine.CountAsync(cancellationToken) >= max)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: text[ReaderKeys.IgnoreCapTitle],
                detail: text.Say(ReaderKeys.IgnoreCapDetail, ("max", max)));
        }
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            insert into ignored_readers (site_id, reader_id, ignored_id, created_at) values ({site}, {me}, {userId}, {clock.GetUtcNow()})
            on conflict do nothing
            """, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, ValidationProblem>> Unignore(
        string userId, HttpContext http, CommentsDbContext db, IOptions<CommentOptions> options, CancellationToken cancellationToken)
    {
        var me = http.User.UserId()!;
        if (userId.Length > CommentConfiguration.AuthorIdMaxLength)
        {
            return TooLong();
        }
        await db.IgnoredReaders.Where(i => i.SiteId == options.Value.SiteId && i.ReaderId == me && i.IgnoredId == userId).ExecuteDeleteAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static ValidationProblem? Validate(string userId, string me) =>
        userId.Length > CommentConfiguration.AuthorIdMaxLength ? TooLong()
        : userId == me ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["userId"] = ["you cannot ignore yourself."] })
        : null;

    private static ValidationProblem TooLong() => TypedResults.ValidationProblem(
        new Dictionary<string, string[]> { ["userId"] = [$"userId is at most {CommentConfiguration.AuthorIdMaxLength} characters."] });
}

/// <summary>A reader the signed-in reader ignores: the id, the name they last commented under here (null if none yet), and since when.</summary>
public sealed record IgnoredReaderView(string UserId, string? Name, DateTimeOffset IgnoredAt);
