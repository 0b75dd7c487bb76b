using Comments.Api.Auth;
using Comments.Api.Infrastructure;
using Comments.Api.Moderation;
using Comments.Api.RateLimiting;
using Comments.Storage.Comments;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Comments.Api.Privacy;

/// <summary>
/// A reader's data (GDPR articles 15, 17 and 20): a signed-in reader exports or erases their own on this site; an admin
/// does it for any reader of a site they name. Erasure takes two calls: the first answers a short-lived code, the second
/// sends it back and schedules the erasure, which the worker carries out by the deadline (docs/personal-data.md).
/// </summary>
public static class PrivacyApi
{
    public static IEndpointRouteBuilder MapPrivacyApi(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/me").WithTags("Your data").RequireAuthorization(Policies.Commenter);
        // A whole export is the heaviest read a reader can ask for: a few an hour each (RateLimits:DataExportsPerWindow).
        me.MapGet("/data", ExportMine).RequireRateLimiting(RateLimitPolicies.DataExports);
        me.MapPost("/erase", EraseMine);
        var admin = app.MapGroup("/api/admin/users").WithTags("Your data").RequireAuthorization(Policies.Admin);
        admin.MapGet("/{userId}/data", ExportUser);
        admin.MapPost("/{userId}/erase", EraseUser);
        return app;
    }

    public static PushStreamHttpResult ExportMine(HttpContext http, DataExport export, IOptions<CommentOptions> options) =>
        Export(export, options.Value.SiteId, http.User.UserId()!, http.RequestAborted);

    public static Results<PushStreamHttpResult, ValidationProblem> ExportUser(string userId, string? siteId, HttpContext http, DataExport export) =>
        ValidateUser(userId, siteId, out var site) is { } invalid ? invalid : Export(export, site, userId, http.RequestAborted);

    public static Task<Results<Ok<ErasureConfirmation>, Accepted<ErasureScheduled>, ValidationProblem>> EraseMine(
        EraseRequest? request, HttpContext http, ErasureRequests erasures, IOptions<CommentOptions> options) =>
        EraseAsync(request, options.Value.SiteId, http.User.UserId()!, http.User.UserId()!, erasures, http.RequestAborted);

    public static async Task<Results<Ok<ErasureConfirmation>, Accepted<ErasureScheduled>, ValidationProblem>> EraseUser(
        string userId, string? siteId, EraseRequest? request, HttpContext http, ErasureRequests erasures) =>
        ValidateUser(userId, siteId, out var site) is { } invalid ? invalid
            : await EraseAsync(request, site, userId, http.User.UserId()!, erasures, http.RequestAborted);

    private static PushStreamHttpResult Export(DataExport export, string siteId, string userId, CancellationToken cancellationToken) =>
        TypedResults.Stream(body => export.WriteAsync(body, siteId, userId, cancellationToken), "application/json", $"comments-data-{siteId}.json");

    private static async Task<Results<Ok<ErasureConfirmation>, Accepted<ErasureScheduled>, ValidationProblem>> EraseAsync(
        EraseRequest? request, string siteId, string userId, string caller, ErasureRequests erasures, CancellationToken cancellationToken)
    {
        if (request?.Confirmation is not { } code)
        {
            return TypedResults.Ok(await erasures.StartAsync(siteId, userId, caller, cancellationToken));
        }
        return await erasures.ConfirmAsync(siteId, userId, caller, code, cancellationToken) is { } scheduled
            ? TypedResults.Accepted((string?)null, scheduled)
            : TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["confirmation"] = ["confirmation must be the code the first call answered, to the same caller for the same reader, before it expires; it works once."],
            });
    }

    private static ValidationProblem? ValidateUser(string userId, string? siteId, out string site)
    {
        if (SiteKey.Validate(siteId, out site) is { } invalid)
        {
            return invalid;
        }
        return userId.Length is 0 or > CommentConfiguration.AuthorIdMaxLength
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["userId"] = ["userId must be 1 to 200 characters."] })
            : null;
    }
}
