using Comments.Storage;
using Comments.Storage.Users;
using Microsoft.EntityFrameworkCore;

namespace Comments.Api.Infrastructure;

/// <summary>
/// Whether a banned or suspended reader is refused a post, an edit, a report or a reaction. When the database cannot
/// be asked in time a post goes ahead: the pipeline's author-status phase enforces the same rule.
/// </summary>
public static class StandingCheck
{
    public static async Task<StandingRefusal?> RefusalAsync(OptionalDatabaseWork optionalWork, string userId, DateTimeOffset now)
    {
        var standing = await optionalWork.TryAsync("check the author's standing",
            (db, token) => db.UserStandings.AsNoTracking().FirstOrDefaultAsync(s => s.UserId == userId, token), null);
        return Refusal(standing, now);
    }

    /// <summary>For reports and reactions, which need the database anyway: no going ahead without the answer.</summary>
    public static async Task<StandingRefusal?> RefusalAsync(CommentsDbContext db, string userId, DateTimeOffset now, CancellationToken cancellationToken) =>
        Refusal(await db.UserStandings.AsNoTracking().FirstOrDefaultAsync(s => s.UserId == userId, cancellationToken), now);

    /// <summary>What a standing refuses now, if anything (also what the help form's preview tells the reader).</summary>
    public static StandingRefusal? Refusal(UserStanding? standing, DateTimeOffset now) => standing switch
    {
        { Status: UserStatus.Banned } => new StandingRefusal("Account banned", "Your account can no longer post comments on this site.", null),
        { Status: UserStatus.Suspended, SuspendedUntil: var until } when until is null || until > now => new StandingRefusal("Account suspended",
            until is null ? "Your account is suspended." : $"Your account is suspended until {until:yyyy-MM-dd HH:mm} UTC.", until),
        _ => null,
    };
}
