using System.Globalization;
using Comments.Api.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Comments.Api.Errors;

public static class RefusalProblems
{
    public static ProblemHttpResult ToProblem(this StandingRefusal refusal) => TypedResults.Problem(
        title: refusal.Title, detail: refusal.Detail, statusCode: StatusCodes.Status403Forbidden,
        extensions: refusal.SuspendedUntil is { } until ? new Dictionary<string, object?> { ["suspendedUntil"] = until } : null);

    /// <summary>The article's refusal; a slow mode's with its Retry-After header.</summary>
    public static ProblemHttpResult ToProblem(this ArticleRefusal refusal, HttpResponse response)
    {
        if (refusal.RetryAfterSeconds is { } seconds)
        {
            response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }
        return TypedResults.Problem(title: refusal.Title, detail: refusal.Detail, statusCode: refusal.StatusCode);
    }
}
