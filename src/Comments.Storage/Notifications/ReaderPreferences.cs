namespace Comments.Storage.Notifications;

/// <summary>
/// A reader's mail settings. Only an address the reader gave (<c>PUT /api/me/preferences</c>) is stored and mailed;
/// mail is on once there is one, until the reader or an unsubscribe link turns it off.
/// </summary>
public class ReaderPreferences
{
    /// <summary>The site whose reader this is: a user id names a person only within one site's sign-in.</summary>
    public required string SiteId { get; set; }
    public required string UserId { get; set; }
    public string? Email { get; set; }
    public bool MailEnabled { get; set; } = true;
    public MailLanguage Language { get; set; }

    /// <summary>When the last digest was written for this reader: the next waits the digest window from here.</summary>
    public DateTimeOffset? LastMailedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
