namespace Comments.Storage.Legal;

/// <summary>
/// A notice that a comment is illegal (Digital Services Act article 16), from anyone, signed in or not. It is
/// worked in the legal queue, apart from readers' reports, and its outcome goes back to the notifier.
/// </summary>
public class LegalNotice
{
    public Guid Id { get; set; }

    /// <summary>Short and readable, like LN-7F3K2; what the notifier quotes.</summary>
    public required string Reference { get; set; }

    public required string SiteId { get; set; }
    public Guid CommentId { get; set; }

    /// <summary>The legal ground: a code from the site's editable category list (docs/compliance.md).</summary>
    public required string Category { get; set; }

    public required string Explanation { get; set; }

    /// <summary>The signed-in notifier's user id; null for an anonymous notifier.</summary>
    public string? NotifierId { get; set; }

    /// <summary>Optional where the law exempts the category (for example child sexual abuse material).</summary>
    public string? NotifierName { get; set; }
    public string? NotifierEmail { get; set; }

    /// <summary>
    /// Who sent it, for article 23: "user:" and the user id, or "email:" and a hash of the normalised address (kept
    /// when the address itself is erased). Null for an anonymous notice without an address.
    /// </summary>
    public string? NotifierKey { get; set; }

    /// <summary>The language the notice was sent in ("en", "de"): the acknowledgement's and the outcome's mail are in it.</summary>
    public string? NotifierLanguage { get; set; }

    /// <summary>The notifier's statement that the notice is accurate and complete, made in good faith.</summary>
    public bool GoodFaith { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>The legal queue's service level: when a decision is due.</summary>
    public DateTimeOffset DueAt { get; set; }

    public NoticeOutcome? Outcome { get; set; }

    /// <summary>The reason sent to the notifier with the outcome.</summary>
    public string? OutcomeReason { get; set; }

    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>A moderator found the notice manifestly unfounded (article 23 counts these per notifier).</summary>
    public bool ManifestlyUnfounded { get; set; }
}
