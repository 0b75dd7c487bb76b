using Comments.Api.Auth;
using Comments.Api.Moderation;
using Comments.Moderation.Language;
using Comments.Moderation.Settings;
using Comments.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Comments.Api.Legal;

/// <summary>
/// The legal queue, for moderators and admins only: open notices of illegal content, the earliest due first; deciding
/// one (remove, restrict, no action; optionally manifestly unfounded); suspending a notifier (article 23).
/// </summary>
public static class LegalQueueApi
{
    public const int MaxLimit = 100;

    public static RouteGroupBuilder MapLegalQueueApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/moderation/legal").WithTags("Legal queue").RequireAuthorization(Policies.Moderator);
        api.MapGet("/notices", Open);
        api.MapPost("/notices/{id:guid}/decision", Decide);
        api.MapPost("/notices/{id:guid}/notifier-suspension", Suspend);
        return api;
    }

    public static async Task<Results<Ok<IReadOnlyList<LegalQueueItem>>, ValidationProblem>> Open(
        string? siteId, int? limit, CommentsDbContext db, SiteModerationStore sites, NotifierKeys notifierKeys, TimeProvider clock, IStringLocalizer<ReaderText> text,
        CancellationToken cancellationToken)
    {
        if (SiteKey.Validate(siteId, out var site) is { } problem)
        {
            return problem;
        }
        if (limit is < 1 or > MaxLimit)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"limit must be 1 to {MaxLimit}."] });
        }
        return TypedResults.Ok(await LegalQueue.OpenAsync(db, sites, text, notifierKeys, site, limit ?? 50, clock.GetUtcNow(), cancellationToken));
    }

    public static async Task<Results<Ok<NoticeDecisionView>, ValidationProblem, ProblemHttpResult>> Decide(
        Guid id, string? siteId, NoticeDecisionRequest request, HttpContext http, NoticeDecisions decisions)
    {
        if (SiteKey.Validate(siteId, out var site) is { } problem)
        {
            return problem;
        }
        if (request.Reason is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["reason is required: it is sent to the notifier."] });
        }
        return Answer(await decisions.DecideAsync(id, site, request, http.User.UserId()!, http.RequestAborted));
    }

    public static async Task<Results<Ok<SuspensionView>, ValidationProblem, ProblemHttpResult>> Suspend(
        Guid id, string? siteId, SuspensionRequest request, HttpContext http, NotifierSuspensions suspensions)
    {
        if (SiteKey.Validate(siteId, out var site) is { } problem)
        {
            return problem;
        }
        if (request.Reason is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["reason is required."] });
        }
        return Answer(await suspensions.SuspendAsync(id, site, request, http.User.UserId()!, http.RequestAborted));
    }

    private static Results<Ok<T>, ValidationProblem, ProblemHttpResult> Answer<T>(NoticeActionResult<T> result) => result switch
    {
        { Value: { } value } => TypedResults.Ok(value),
        { Field: { } field } => TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [result.Error!] }),
        _ => TypedResults.Problem(title: "Not done", detail: result.Error, statusCode: result.Status),
    };
}
