using Comments.Api.Infrastructure;
using System.Net.Mail;
using Comments.Api.Auth;
using Comments.Api.Observability;
using Comments.Api.RateLimiting;
using Comments.Contracts;
using Comments.Moderation.Language;
using Comments.Storage;
using Comments.Storage.Support;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Comments.Api.Support;

/// <summary>
/// The footer's "Please let us know if you're having issues with commenting": readers (signed in or not) send help
/// requests and follow them. A 202 means the broker has the request, as with comments.
/// </summary>
public static class HelpRequestsApi
{
    public static RouteGroupBuilder MapHelpRequestsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/help-requests").WithTags("Help requests");
        api.MapPost("/", Submit).RequireRateLimiting(RateLimitPolicies.HelpRequests)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(64 * 1024));
        api.MapPost("/preview", HelpPreviews.Preview).RequireRateLimiting(RateLimitPolicies.HelpPreviews)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(4 * 1024));
        api.MapGet("/mine", Mine).RequireAuthorization(Policies.Commenter);
        api.MapGet("/{reference}", GetByReference).RequireRateLimiting(RateLimitPolicies.HelpRequestLookups);
        return api;
    }

    public static async Task<Results<Accepted<AcceptedHelpRequest>, ValidationProblem>> Submit(
        HelpRequestSubmission request, HttpContext http, BrokerIntake intake, IOptions<CommentOptions> options,
        TimeProvider clock, OptionalDatabaseWork optionalWork, CommentsDbContext db, IOptions<HelpPreviewOptions> previews, HelpPreviewMetrics metrics,
        IStringLocalizer<ReaderText> text)
    {
        var userId = http.User.UserId();
        var typed = request.Email?.Trim() is { Length: > 0 } given ? given : null;
        // Signed in, the token's address is the reader's; a different typed one is only a contact address.
        var verified = userId is null ? null : http.User.FindFirst("email")?.Value?.Trim() is { Length: > 0 } claim ? claim : null;
        var errors = Validate(request, userId, typed, text);
        if (errors.Count == 0 && request.CommentId is { } commentId && !await IsOwnCommentAsync(db, commentId, userId!, options.Value.SiteId, http.RequestAborted))
        {
            errors["commentId"] = [text[ReaderKeys.HelpNotOwnComment]];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var now = clock.GetUtcNow();
        var accessToken = userId is null ? HelpRequestAccess.NewToken() : null;
        var message = new HelpRequestSubmitted
        {
            HelpRequestId = Guid.CreateVersion7(now),
            Reference = HelpDesk.NewReference(),
            SiteId = options.Value.SiteId,
            RequesterId = userId,
            Email = userId is null ? typed : verified,
            ContactEmail = userId is not null && !string.Equals(typed, verified, StringComparison.OrdinalIgnoreCase) ? typed : null,
            AccessToken = accessToken,
            ArticleId = request.ArticleId,
            CommentId = request.CommentId,
            Category = request.Category?.WireName(),
            Message = request.Message!.Trim(),
            UserAgent = Cut(http.Request.Headers.UserAgent.ToString(), 500),
            Page = Cut(request.Page ?? http.Request.Headers.Referer.ToString(), 1000),
            SubmittedAt = now.AddTicks(-(now.Ticks % 10)),
        };
        await intake.SendAsync(message, message.HelpRequestId, intake.TriageQueue, http.RequestAborted);
        // The broker has it and the worker stores it; without the row the reader's first look finds nothing yet.
        await optionalWork.TryAsync("store a help request early", async (own, token) => { await own.InsertIfAbsentAsync(message, token); return true; }, false);
        if (request.PreviewId is { } previewId
            && await optionalWork.TryAsync("mark the help preview followed", (own, token) => own.HelpPreviews
                .Where(p => p.Id == previewId && p.SiteId == message.SiteId && p.RequestedAt == null && p.CreatedAt > now - previews.Value.RequestWindow)
                .ExecuteUpdateAsync(p => p.SetProperty(x => x.RequestedAt, now), token), 0) > 0)
        {
            metrics.Followed();
        }
        return TypedResults.Accepted($"/api/help-requests/{message.Reference}", new AcceptedHelpRequest(message.HelpRequestId, message.Reference, accessToken));
    }

    private static Task<bool> IsOwnCommentAsync(CommentsDbContext db, Guid commentId, string userId, string siteId, CancellationToken cancellationToken) =>
        db.Comments.AnyAsync(c => c.Id == commentId && c.AuthorId == userId && c.SiteId == siteId, cancellationToken);

    public static async Task<Ok<IReadOnlyList<ReaderHelpRequestView>>> Mine(HttpContext http, CommentsDbContext db, CancellationToken cancellationToken)
    {
        var userId = http.User.UserId();
        var requests = await db.HelpRequests.AsNoTracking().Where(r => r.RequesterId == userId).OrderByDescending(r => r.CreatedAt).Take(50).ToListAsync(cancellationToken);
        var views = new List<ReaderHelpRequestView>();
        foreach (var request in requests)
        {
            views.Add(await ReaderViewAsync(db, request, cancellationToken));
        }
        return TypedResults.Ok<IReadOnlyList<ReaderHelpRequestView>>(views);
    }

    /// <summary>By reference: the signed-in requester, or whoever holds the access token an anonymous request was given. Anyone else gets 404.</summary>
    public static async Task<Results<Ok<ReaderHelpRequestView>, NotFound>> GetByReference(
        string reference, string? token, HttpContext http, CommentsDbContext db, CancellationToken cancellationToken)
    {
        var request = reference.Length > 16 ? null : await db.HelpRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Reference == reference, cancellationToken);
        var userId = http.User.UserId();
        var allowed = request is not null && ((userId is not null && request.RequesterId == userId) || HelpRequestAccess.Matches(token, request.AccessTokenHash));
        return allowed ? TypedResults.Ok(await ReaderViewAsync(db, request!, cancellationToken)) : TypedResults.NotFound();
    }

    private static async Task<ReaderHelpRequestView> ReaderViewAsync(CommentsDbContext db, HelpRequest request, CancellationToken cancellationToken)
    {
        // Only ever another request of the same signed-in reader.
        var linked = request.DuplicateOfId is { } original && request.RequesterId is { } requester
            ? await db.HelpRequests.Where(r => r.Id == original && r.RequesterId == requester).Select(r => r.Reference).FirstOrDefaultAsync(cancellationToken)
            : null;
        var thread = await Threads.LoadAsync(db, request.Id, readerOnly: true, cancellationToken);
        return new ReaderHelpRequestView(request.Reference, request.Category, request.Status, request.Outcome, linked, request.CreatedAt, thread);
    }

    /// <summary>What depends on who is asking; the rest is said by the request's annotations.</summary>
    private static Dictionary<string, string[]> Validate(HelpRequestSubmission request, string? userId, string? email, IStringLocalizer text)
    {
        var errors = new Dictionary<string, string[]>();
        if (userId is null && string.IsNullOrEmpty(email))
        {
            errors["email"] = [text[ReaderKeys.HelpEmailRequired]];
        }
        if (userId is null && request.CommentId is not null)
        {
            errors["commentId"] = [text[ReaderKeys.HelpSignInForComment]];
        }
        else if (!string.IsNullOrEmpty(email) && (email.Length > 254 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email))
        {
            errors["email"] = [text[ReaderKeys.HelpEmailInvalid]];
        }
        return errors;
    }

    private static string? Cut(string? text, int length) => string.IsNullOrEmpty(text) ? null : text.Length <= length ? text : text[..length];
}
