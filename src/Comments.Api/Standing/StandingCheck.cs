using Comments.Api.Infrastructure;
using Comments.Moderation.Language;
using Comments.Storage.Users;
using Microsoft.Extensions.Localization;
using System.Globalization;

namespace Comments.Api.Standing;

/// <summary>
/// Whether a banned or suspended reader is refused a post, an edit, a report or a reaction, from this instance's
/// <see cref="ReaderStandings"/> (no database round trip). Before the set's first load a post goes ahead: the
/// pipeline's author-status phase enforces the same rule.
/// </summary>
public static class StandingCheck
{
    public static StandingRefusal? Refusal(ReaderStandings standings, IStringLocalizer<ReaderText> text, string userId, DateTimeOffset now) =>
        standings.Of(userId) is { } standing ? Refusal(text, standing.Status, standing.SuspendedUntil, now) : null;

    /// <summary>For reports and reactions, which no later step checks: no going ahead before the set has been loaded once.</summary>
    public static async Task<StandingRefusal?> RefusalAsync(ReaderStandings standings, IStringLocalizer<ReaderText> text, string userId, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await standings.EnsureLoadedAsync(cancellationToken);
        return Refusal(standings, text, userId, now);
    }

    // In the reader's language (the request's culture); the dates in the sentences stay in the one form readers are shown everywhere.
    // Also what the help form's preview tells the reader.
    public static StandingRefusal? Refusal(IStringLocalizer<ReaderText> text, UserStatus? status, DateTimeOffset? until, DateTimeOffset now) => status switch
    {
        UserStatus.Banned => new StandingRefusal(text[ReaderKeys.BannedTitle], text[ReaderKeys.BannedDetail], null),
        UserStatus.Suspended when until is null || until > now => new StandingRefusal(text[ReaderKeys.SuspendedTitle],
            until is { } end ? text.Say(ReaderKeys.SuspendedUntil, ("until", end.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))) : text[ReaderKeys.SuspendedDetail], until),
        _ => null,
    };
}
