namespace Comments.Storage.Support;

/// <summary>
/// An e-mail to a reader: written in the same unit of work as the change it tells of (the outbox), sent over SMTP
/// by the worker's dispatcher, and kept for the record afterwards.
/// </summary>
public class OutgoingMail
{
    public Guid Id { get; set; }
    public required string To { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public Guid? HelpRequestId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>A link that unsubscribes without signing in; sent as the List-Unsubscribe header (RFC 2369, 8058).</summary>
    public string? UnsubscribeUrl { get; set; }

    public MailDelivery Delivery { get; set; } = MailDelivery.Pending;
    public int Attempts { get; set; }

    /// <summary>When the dispatcher may take it (again): a claim or a failed attempt moves it into the future.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>The last failure's kind and SMTP status, never the server's text (it may quote the address).</summary>
    public string? LastError { get; set; }
}
