namespace Comments.Storage.Users;

/// <summary>A commenter's standing with moderation. No row means active.</summary>
public class UserStanding
{
    public required string UserId { get; set; }
    public UserStatus Status { get; set; }

    /// <summary>When a suspension ends.</summary>
    public DateTimeOffset? SuspendedUntil { get; set; }

    public string? Reason { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
