using Comments.Api.Auth;
using Comments.Api.Infrastructure;
using Comments.Moderation.Language;
using Comments.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Comments.Api.Statements;

/// <summary>
/// The signed-in reader's statements of reasons (Digital Services Act article 17), newest first, and their complaints
/// (article 20). Only this site's and only their own: anyone else's statement is answered 404, as if it did not exist.
/// </summary>
public static class StatementsApi
{
    private const string Listing = "statements";

    public static RouteGroupBuilder MapStatementsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/me/statements").WithTags("Statements of reasons").RequireAuthorization(Policies.Commenter);
        api.MapGet("/", List);
        api.MapGet("/{id:guid}", Get);
        api.MapPost("/{id:guid}/complaint", Complain);
        return api;
    }

    /// <summary>Walked by keyset on the (site_id, user_id, issued_at, id) index.</summary>
    public static async Task<Results<Ok<Page<StatementView>>, ValidationProblem>> List(int? limit, string? cursor, HttpContext http, CommentsDbContext db,
        IOptions<CommentOptions> options, IStringLocalizer<ReaderText> text, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = Paging.Validate(limit, cursor, Listing, out var position);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var mine = Mine(db, http, options);
        if (position is not null)
        {
            mine = mine.Where(s => EF.Functions.LessThan(ValueTuple.Create(s.IssuedAt, s.Id), ValueTuple.Create(position.CreatedAt, position.Id)));
        }
        var now = clock.GetUtcNow();
        return TypedResults.Ok(await mine.OrderByDescending(s => s.IssuedAt).ThenByDescending(s => s.Id).ToPageAsync(limit ?? Paging.DefaultPageSize,
            last => new ListingCursor(Listing, 0, last.IssuedAt, last.Id), page => StatementViews.ForAsync(text, db, page, now, cancellationToken), cancellationToken));
    }

    public static async Task<Results<Ok<StatementView>, NotFound>> Get(Guid id, HttpContext http, CommentsDbContext db, IOptions<CommentOptions> options,
        IStringLocalizer<ReaderText> text, TimeProvider clock, CancellationToken cancellationToken)
    {
        var statement = await Mine(db, http, options).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        return statement is null ? TypedResults.NotFound() : TypedResults.Ok((await StatementViews.ForAsync(text, db, [statement], clock.GetUtcNow(), cancellationToken))[0]);
    }

    /// <summary>201 with the complaint; 404 for a statement not the reader's; 409 late, twice, or when the restriction no longer stands.</summary>
    public static async Task<Results<Created<StatementComplaintView>, NotFound, ValidationProblem, ProblemHttpResult>> Complain(
        Guid id, ComplaintRequest request, HttpContext http, StatementComplaints complaints, IStringLocalizer<ReaderText> text)
    {
        if (request.Message?.Trim() is not { Length: > 0 } message)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["message"] = [text[ReaderKeys.ComplaintMessageRequired]] });
        }
        var email = http.User.FindFirst("email")?.Value?.Trim() is { Length: > 0 } claim ? claim : null;
        var filing = await complaints.FileAsync(id, http.User.UserId()!, email, message, http.RequestAborted);
        if (filing.Refusal is { } refusal)
        {
            return refusal == ComplaintRefusal.NotFound ? TypedResults.NotFound() : TypedResults.Problem(title: text[ReaderKeys.ComplaintRefusedTitle], detail: refusal switch
            {
                ComplaintRefusal.Late => text.Say(ReaderKeys.ComplaintLate, ("until", StatementViews.Format(filing.Until))),
                ComplaintRefusal.Twice => text[ReaderKeys.ComplaintTwice],
                ComplaintRefusal.Deleted => text[ReaderKeys.ComplaintDeleted],
                ComplaintRefusal.AppealOpen => text[ReaderKeys.ComplaintAppealOpen],
                _ => text[ReaderKeys.ComplaintUndone],
            }, statusCode: StatusCodes.Status409Conflict);
        }
        var (complaint, help) = (filing.Complaint!, filing.Request!);
        return TypedResults.Created($"/api/me/statements/{id}", new StatementComplaintView(help.Id, help.Reference, complaint.ReceivedAt, null, null, null,
            text.Say(ReaderKeys.ComplaintOpen, ("reference", help.Reference))));
    }

    private static IQueryable<Storage.Legal.StatementOfReasons> Mine(CommentsDbContext db, HttpContext http, IOptions<CommentOptions> options)
    {
        var me = http.User.UserId();
        return db.StatementsOfReasons.AsNoTracking().Where(s => s.UserId == me && s.SiteId == options.Value.SiteId);
    }
}
