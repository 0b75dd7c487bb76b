using Microsoft.AspNetCore.Http.HttpResults;

namespace Comments.Api.Infrastructure;

/// <summary>Why a reader's standing refuses what they asked; endpoints answer it as a 403 ProblemDetails.</summary>
public sealed record StandingRefusal(string Title, string Detail, DateTimeOffset? SuspendedUntil)
{
    public ProblemHttpResult ToProblem() => TypedResults.Problem(title: Title, detail: Detail, statusCode: StatusCodes.Status403Forbidden,
        extensions: SuspendedUntil is { } until ? new Dictionary<string, object?> { ["suspendedUntil"] = until } : null);
}
