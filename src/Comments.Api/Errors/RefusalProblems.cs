using Comments.Api.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Comments.Api.Errors;

public static class RefusalProblems
{
    public static ProblemHttpResult ToProblem(this StandingRefusal refusal) => TypedResults.Problem(
        title: refusal.Title, detail: refusal.Detail, statusCode: StatusCodes.Status403Forbidden,
        extensions: refusal.SuspendedUntil is { } until ? new Dictionary<string, object?> { ["suspendedUntil"] = until } : null);
}
