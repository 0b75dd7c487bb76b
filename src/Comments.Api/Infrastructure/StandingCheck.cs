using Comments.Moderation.Language;
using Comments.Storage;
using Comments.Storage.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using System.Globalization;

namespace Comments.Api.Infrastructure;

/// <summary>
/// Whether a banned or suspended reader is refused a post, an edit, a report or a reaction. When the database cannot
/// be asked in time a post goes ahead: the pipeline's author-status phase enforces the same rule.
/// </summary>
public static class StandingCheck
{
    public static async Task<StandingRefusal?> RefusalAsync(OptionalDatabaseWork optionalWork, IStringLocalizer<ReaderText> text, string userId, DateTimeOffset now)
    {
        var standing = await optionalWork.TryAsync("check the author's standing",
            (db, token) => db.UserStandings.AsNoTracking().FirstOrDefaultAsync(s => s.UserId == userId, token), null);
        return Refusal(text, standing, now);
    }

    /// <summary>For reports and reactions, which need the database anyway: no going ahead without the answer.</summary>
    public static async Task<StandingRefusal?> RefusalAsync(CommentsDbContext db, IStringLocalizer<ReaderText> text, string userId, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        Refusal(text, await db.UserStandings.AsNoTracking().FirstOrDefaultAsync(s => s.UserId == userId, cancellationToken), now);

    // In the reader's language (the request's culture); the dates in the sentences stay in the one form readers are shown everywhere.
    // Also what the help form's preview tells the reader.
    public static StandingRefusal? Refusal(IStringLocalizer<ReaderText> text, UserStanding? standing, DateTimeOffset now) => standing switch
    {
        { Status: UserStatus.Banned } => new StandingRefusal(text[ReaderKeys.BannedTitle], text[ReaderKeys.BannedDetail], null),
        { Status: UserStatus.Suspended, SuspendedUntil: var until } when until is null || until > now => new StandingRefusal(text[ReaderKeys.SuspendedTitle],
            until is { } end ? text.Say(ReaderKeys.SuspendedUntil, ("until", end.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))) : text[ReaderKeys.SuspendedDetail], until),
        _ => null,
    };
}
