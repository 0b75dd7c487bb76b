namespace Comments.Storage.Privacy;

/// <summary>
/// A request to erase one reader's data on one site (GDPR article 17). Made in two steps: the first call stores the
/// SHA-256 of a short-lived confirmation code; the second, with the code, confirms it and sets when it is due. The
/// worker carries out confirmed requests (<see cref="ReaderErasure"/>) and marks them done.
/// </summary>
public class ErasureRequest
{
    public Guid Id { get; set; }
    public required string SiteId { get; set; }
    public required string UserId { get; set; }

    /// <summary>The reader themself, or the admin who asked for it.</summary>
    public required string RequestedBy { get; set; }

    /// <summary>SHA-256 (hex) of the confirmation code; the code itself is only ever in the first call's answer.</summary>
    public required string ConfirmationHash { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    /// <summary>The code is refused after this.</summary>
    public DateTimeOffset ConfirmBy { get; set; }

    public DateTimeOffset? ConfirmedAt { get; set; }

    /// <summary>The deadline the settings name (<c>Privacy:ErasureDeadline</c>), from the confirmation.</summary>
    public DateTimeOffset? DueAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>
    /// Not written any more: the erasure finds mail by the reader's ids, never by an address. Cleared once erased; the
    /// column can go when the migrations are next regenerated.
    /// </summary>
    public string? TokenEmail { get; set; }
}
