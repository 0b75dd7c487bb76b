using System.ComponentModel.DataAnnotations;

namespace Comments.Moderation.Notifications;

/// <summary>
/// Section <c>Notifications</c>, read by both hosts: the key that signs unsubscribe links (the worker writes them into
/// mails, the API checks them) and how long a link works. Without a key no link can be made or checked, so the worker
/// sends no notification mail.
/// </summary>
public sealed class NotificationOptions
{
    public const string SectionName = "Notifications";

    /// <summary>32+ characters, the same in the API and the worker; empty (an unset variable in compose) is none.</summary>
    [MinLength(32)] public string? UnsubscribeKey { get => _key; set => _key = string.IsNullOrWhiteSpace(value) ? null : value; }

    private string? _key;

    [Range(1, 3650)] public int UnsubscribeLinkDays { get; set; } = 90;
}
