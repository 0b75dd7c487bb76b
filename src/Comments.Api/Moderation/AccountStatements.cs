using Comments.Moderation.Reasons;
using Comments.Storage.Legal;
using Comments.Storage.Users;

namespace Comments.Api.Moderation;

/// <summary>Which moderator actions on an account restrict it anew, and so need a statement of reasons (article 17).</summary>
public static class AccountStatements
{
    /// <summary>
    /// The restriction a ban, suspension or pre-moderation imposes when it changes the standing (the status, or a
    /// suspension's end); null for a warning, a restore, or the same standing again. An action that answers a complaint
    /// without changing the status is the complaint's outcome, not a new restriction to complain about.
    /// </summary>
    public static Restriction? RestrictionFor(UserAction action, UserStatus statusBefore, DateTimeOffset? untilBefore, UserStanding now, bool answersComplaint)
    {
        var restriction = action switch
        {
            UserAction.Ban => Restriction.AccountBanned,
            UserAction.Suspend => Restriction.AccountSuspended,
            UserAction.Premod => Restriction.AccountPremoderated,
            _ => (Restriction?)null,
        };
        var statusChanged = statusBefore != now.Status;
        return restriction is not null && (statusChanged || (untilBefore != now.SuspendedUntil && !answersComplaint)) ? restriction : null;
    }

    /// <summary>The facts relied on, as the reason code whose sentence the author reads.</summary>
    public static string ReasonCodeFor(Restriction restriction) => restriction switch
    {
        Restriction.AccountBanned => ReasonCodes.AuthorBanned,
        Restriction.AccountSuspended => ReasonCodes.AuthorSuspended,
        _ => ReasonCodes.AuthorPremoderated,
    };
}
