using System.ComponentModel.DataAnnotations;

namespace Moderation.Worker.Notifications;

/// <summary>Section <c>NotificationDigest</c>: how often readers may get a mail about their notifications, and where links point.</summary>
public sealed class NotificationDigestOptions
{
    public const string SectionName = "NotificationDigest";

    public bool Enabled { get; set; } = true;

    /// <summary>How often the worker looks for readers due a digest.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")] public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>At most one mail per reader in this many minutes; what happens meanwhile waits for the next.</summary>
    [Range(1, 10080)] public int DigestMinutes { get; set; } = 60;

    /// <summary>The API's public address, for the unsubscribe link (<c>{PublicBaseUrl}/api/unsubscribe?token=...</c>).</summary>
    /// <remarks>Empty (an unset variable in compose) is none.</remarks>
    [Url] public string? PublicBaseUrl { get => _publicBaseUrl; set => _publicBaseUrl = string.IsNullOrWhiteSpace(value) ? null : value; }

    private string? _publicBaseUrl;
}
