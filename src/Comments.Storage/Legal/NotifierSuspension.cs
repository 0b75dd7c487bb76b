namespace Comments.Storage.Legal;

/// <summary>
/// A moderator suspended the processing of a notifier's notices for a period, after they sent manifestly unfounded
/// ones (Digital Services Act article 23(2)). Appended, never changed; the audit log records who and why.
/// </summary>
public class NotifierSuspension
{
    /// <summary>"user:" or "email:" and a 64-character hash, with room to spare.</summary>
    public const int KeyMaxLength = 300;

    public Guid Id { get; set; }
    public required string SiteId { get; set; }

    /// <summary>As <see cref="LegalNotice.NotifierKey"/>.</summary>
    public required string NotifierKey { get; set; }

    public DateTimeOffset SuspendedAt { get; set; }
    public DateTimeOffset Until { get; set; }
    public required string Reason { get; set; }
    public required string SuspendedBy { get; set; }
}
