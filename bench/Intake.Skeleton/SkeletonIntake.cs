using System.Security.Claims;
using System.Text.RegularExpressions;
using Comments.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Intake.Skeleton;

/// <summary>
/// <c>POST /api/articles/{articleId}/comments</c> with the API's checks on the token (the default policy), the article
/// key, the body (blank, longer than 5,000 characters, a NUL) and the request size; answered 202 after the confirm.
/// Top-level comments only: placing a reply would read the database, which the skeleton leaves out.
/// </summary>
public static partial class SkeletonIntake
{
    private const int MaxBodyLength = 5_000;
    private const long MaxRequestBodyBytes = 64 * 1024;

    public static void MapSkeletonIntake(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/articles/{articleId}/comments", PostComment).RequireAuthorization().WithMetadata(new RequestSizeLimitAttribute(MaxRequestBodyBytes));
        app.MapGet("/health/ready", () => TypedResults.Ok());
    }

    private static async Task<Results<Accepted<AcceptedComment>, ValidationProblem>> PostComment(
        string articleId, PostCommentRequest? request, ClaimsPrincipal user, SkeletonBroker broker)
    {
        var body = request?.Body?.Trim();
        var errors = new Dictionary<string, string[]>();
        if (!ArticleKey().IsMatch(articleId))
        {
            errors["articleId"] = ["articleId must be 1 to 200 characters of letters, digits and -_.:"];
        }
        if (string.IsNullOrEmpty(body) || body.Length > MaxBodyLength || body.Contains('\0'))
        {
            errors["body"] = [$"body must be 1 to {MaxBodyLength} characters, without NUL."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var now = DateTimeOffset.UtcNow;
        var userId = user.FindFirstValue("sub")!;
        var name = user.FindFirstValue("name")?.Trim() is { Length: > 0 } named ? named : userId;
        var comment = new CommentSubmitted
        {
            CommentId = Guid.CreateVersion7(now),
            ArticleId = articleId,
            AuthorId = userId,
            AuthorName = name.Length <= 100 ? name : name[..100],
            AuthorRoles = [.. user.FindAll("role").Select(c => c.Value)],
            Body = body!,
            SubmittedAt = now.AddTicks(-(now.Ticks % 10)), // PostgreSQL keeps microseconds
        };
        await broker.PublishAsync(comment);
        return TypedResults.Accepted($"/api/comments/{comment.CommentId}", new AcceptedComment(comment.CommentId, "pending", 1));
    }

    [GeneratedRegex(@"^[A-Za-z0-9\-_.:]{1,200}\z")]
    private static partial Regex ArticleKey();
}

public sealed record PostCommentRequest(string? Body, Guid? ParentId);

public sealed record AcceptedComment(Guid Id, string Status, int Revision);
