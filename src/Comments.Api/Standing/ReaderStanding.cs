using Comments.Contracts;
using Comments.Storage;
using Comments.Storage.Users;

namespace Comments.Api.Standing;

/// <summary>A reader's standing as the in-memory set holds it; <see cref="ChangedAt"/> orders changes that arrive out of turn.</summary>
public sealed record ReaderStanding(UserStatus Status, DateTimeOffset? SuspendedUntil, DateTimeOffset ChangedAt)
{
    public static ReaderStanding From(UserStanding stored) => new(stored.Status, stored.SuspendedUntil, stored.UpdatedAt);

    public static ReaderStanding From(ReaderStandingChanged change) => new(WireNames<UserStatus>.Parse(change.Status), change.SuspendedUntil, change.ChangedAt);

    public static ReaderStandingChanged Changed(UserStanding stored) => new()
    {
        UserId = stored.UserId, Status = stored.Status.WireName(), SuspendedUntil = stored.SuspendedUntil, ChangedAt = stored.UpdatedAt,
    };
}
