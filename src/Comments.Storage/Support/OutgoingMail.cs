namespace Comments.Storage.Support;

/// <summary>An e-mail the system sent (or, in development, would have sent), kept for the record.</summary>
public class OutgoingMail
{
    public Guid Id { get; set; }
    public required string To { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public Guid? HelpRequestId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
