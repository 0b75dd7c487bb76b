using Comments.Api.Auth;
using Comments.Api.Comments;
using Comments.Api.Infrastructure;
using Comments.Moderation.Language;
using Comments.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Comments.Api.MyComments;

/// <summary>
/// The signed-in reader's own comments on every article of this site, newest first, in every status with the reason
/// they are told. Only this site's: a user id is the subject of the site's token issuer (Auth), so the same id on
/// another site sharing the database may be another person.
/// </summary>
public static class MyCommentsApi
{
    private const string Listing = "my_comments";

    public static RouteGroupBuilder MapMyCommentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/me/comments").WithTags("My comments").RequireAuthorization(Policies.Commenter);
        api.MapGet("/", List);
        return api;
    }

    /// <summary>Walked by keyset on the (author_id, created_at, id) index, so a deep page costs what the first costs.</summary>
    public static async Task<Results<Ok<Page<MyCommentView>>, ValidationProblem>> List(
        int? limit, string? cursor, HttpContext http, CommentsDbContext db, IOptions<CommentOptions> options, IStringLocalizer<ReaderText> text,
        CancellationToken cancellationToken)
    {
        var errors = Paging.Validate(limit, cursor, Listing, out var position);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var me = http.User.UserId();
        var mine = db.Comments.AsNoTracking().Where(c => c.AuthorId == me && c.SiteId == options.Value.SiteId);
        if (position is not null)
        {
            mine = mine.Where(c => EF.Functions.LessThan(ValueTuple.Create(c.CreatedAt, c.Id), ValueTuple.Create(position.CreatedAt, position.Id)));
        }
        return TypedResults.Ok(await mine.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).ToPageAsync(limit ?? Paging.DefaultPageSize,
            last => new ListingCursor(Listing, 0, last.CreatedAt, last.Id), async page =>
            {
                var reasons = await ReaderReason.ForAsync(text, db, page, cancellationToken);
                return page.Select(c => MyCommentView.From(c, reasons[c.Id])).ToList();
            }, cancellationToken));
    }
}
