namespace Comments.Storage.Support;

/// <summary>
/// One answer the help form gave before a request was sent, kept only to count how many answered the reader without a
/// ticket: no reader id, no text. <see cref="RequestedAt"/> is set when a help request names it.
/// </summary>
public class HelpPreview
{
    public Guid Id { get; set; }
    public required string SiteId { get; set; }
    public HelpRequestCategory? Category { get; set; }

    /// <summary>Whether it answered from the reader's own comments or standing, not only the category's general advice.</summary>
    public bool Personal { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RequestedAt { get; set; }
}
