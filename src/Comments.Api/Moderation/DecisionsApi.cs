using Comments.Api.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Comments.Api.Moderation;

public static class DecisionsApi
{
    public static RouteGroupBuilder MapDecisionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/moderation").WithTags("Moderation decisions").RequireAuthorization(Policies.Moderator);
        api.MapPost("/comments/{id:guid}/decision", Decide);
        api.MapPost("/decisions", DecideMany);
        return api;
    }

    public static async Task<Results<Ok<DecisionOutcomeResult>, Conflict<DecisionOutcomeResult>, ProblemHttpResult>> Decide(
        Guid id, DecisionRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext http, ModeratorDecisions decisions)
    {
        var version = ParseVersion(ifMatch) ?? request.Version;
        var result = await decisions.DecideAsync(id, request, version, http.User.UserId()!, http.RequestAborted);
        return result.Status switch
        {
            StatusCodes.Status200OK => TypedResults.Ok(result),
            StatusCodes.Status409Conflict when result.Decision is not null => TypedResults.Conflict(result),
            _ => TypedResults.Problem(title: "Decision refused", detail: result.Error, statusCode: result.Status),
        };
    }

    /// <summary>Up to 100 decisions, each carried out (or refused) on its own, each with its own result.</summary>
    public static async Task<Results<Ok<BulkDecisionResult>, ValidationProblem>> DecideMany(
        BulkDecisionRequest request, HttpContext http, ModeratorDecisions decisions, IOptions<WorkbenchOptions> options)
    {
        var max = options.Value.MaxBulkDecisions;
        if (request.Items is not { Count: > 0 } items || items.Count > max || items.Any(i => i?.CommentId is null))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["items"] = [$"items must hold 1 to {max} decisions, each with a commentId."] });
        }
        var results = new List<DecisionOutcomeResult>(items.Count);
        foreach (var item in items)
        {
            results.Add(await decisions.DecideAsync(item.CommentId!.Value, item, item.Version, http.User.UserId()!, http.RequestAborted));
        }
        return TypedResults.Ok(new BulkDecisionResult(results));
    }

    /// <summary>Reads the version from an If-Match header: <c>"123"</c>, <c>W/"123"</c> or <c>123</c>.</summary>
    public static uint? ParseVersion(string? ifMatch) =>
        uint.TryParse(ifMatch?.Replace("W/", "").Trim().Trim('"'), out var version) ? version : null;
}

public sealed record BulkDecisionRequest(IReadOnlyList<DecisionRequest>? Items);

public sealed record BulkDecisionResult(IReadOnlyList<DecisionOutcomeResult> Results);
