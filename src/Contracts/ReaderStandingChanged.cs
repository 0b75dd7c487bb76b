namespace Comments.Contracts;

/// <summary>
/// A moderator changed a reader's standing (ban, suspension, pre-moderation, restore): every API instance updates its
/// in-memory set of restricted readers, so that intake refuses or admits the reader without asking the database.
/// </summary>
public record ReaderStandingChanged
{
    public required string UserId { get; init; }

    /// <summary>The standing now, by wire name: <c>active</c>, <c>banned</c>, <c>suspended</c> or <c>premoderated</c>.</summary>
    public required string Status { get; init; }
    public DateTimeOffset? SuspendedUntil { get; init; }

    /// <summary>When the change was stored (the standing's <c>updated_at</c>); an older change never overwrites a newer one.</summary>
    public required DateTimeOffset ChangedAt { get; init; }
}
