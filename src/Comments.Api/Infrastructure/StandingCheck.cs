using Comments.Api.Comments;
using Comments.Storage;
using Comments.Storage.Users;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Comments.Api.Moderation;

/// <summary>
/// Refuses posts, edits, reports and reactions from banned or suspended users with a clear answer. When the database
/// cannot be asked in time a post goes ahead: the pipeline's author-status phase enforces the same rule.
/// </summary>
public static class StandingCheck
{
    public static async Task<ProblemHttpResult?> RefusalAsync(OptionalDatabaseWork optionalWork, string userId, DateTimeOffset now)
    {
        var standing = await optionalWork.TryAsync("check the author's standing",
            (db, token) => db.UserStandings.AsNoTracking().FirstOrDefaultAsync(s => s.UserId == userId, token), null);
        return Refusal(standing, now);
    }

    /// <summary>For reports and reactions, which need the database anyway: no going ahead without the answer.</summary>
    public static async Task<ProblemHttpResult?> RefusalAsync(CommentsDbContext db, string userId, DateTimeOffset now, CancellationToken cancellationToken) =>
        Refusal(await db.UserStandings.AsNoTracking().FirstOrDefaultAsync(s => s.UserId == userId, cancellationToken), now);

    private static ProblemHttpResult? Refusal(UserStanding? standing, DateTimeOffset now) =>
        standing switch
        {
            { Status: UserStatus.Banned } => TypedResults.Problem(title: "Account banned",
                detail: "Your account can no longer post comments on this site.", statusCode: StatusCodes.Status403Forbidden),
            { Status: UserStatus.Suspended, SuspendedUntil: var until } when until is null || until > now => TypedResults.Problem(title: "Account suspended",
                detail: until is null ? "Your account is suspended." : $"Your account is suspended until {until:yyyy-MM-dd HH:mm} UTC.",
                statusCode: StatusCodes.Status403Forbidden, extensions: new Dictionary<string, object?> { ["suspendedUntil"] = until }),
            _ => null,
        };
}
