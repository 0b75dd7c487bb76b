using System.Data.Common;
using Comments.Storage;
using Comments.Storage.Users;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Comments.Api.Moderation;

/// <summary>
/// Refuses posts and edits from banned or suspended users with a clear answer. When the database cannot be asked in
/// time the post goes ahead: the pipeline's author-status phase enforces the same rule.
/// </summary>
public static class StandingCheck
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(1);

    public static async Task<ProblemHttpResult?> RefusalAsync(CommentsDbContext db, string userId, DateTimeOffset now)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        UserStanding? standing;
        try
        {
            standing = await db.UserStandings.AsNoTracking().FirstOrDefaultAsync(s => s.UserId == userId, deadline.Token);
        }
        catch (Exception exception) when (exception is DbException or OperationCanceledException or InvalidOperationException)
        {
            return null;
        }
        return standing switch
        {
            { Status: UserStatus.Banned } => TypedResults.Problem(title: "Account banned",
                detail: "Your account can no longer post comments on this site.", statusCode: StatusCodes.Status403Forbidden),
            { Status: UserStatus.Suspended, SuspendedUntil: var until } when until is null || until > now => TypedResults.Problem(title: "Account suspended",
                detail: until is null ? "Your account is suspended." : $"Your account is suspended until {until:yyyy-MM-dd HH:mm} UTC.",
                statusCode: StatusCodes.Status403Forbidden, extensions: new Dictionary<string, object?> { ["suspendedUntil"] = until }),
            _ => null,
        };
    }
}
