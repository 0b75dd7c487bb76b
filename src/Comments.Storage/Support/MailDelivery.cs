namespace Comments.Storage.Support;

/// <summary>Where an outgoing mail stands: pending until the worker's SMTP dispatcher sends it or gives up on it.</summary>
public enum MailDelivery
{
    Pending,
    Sent,
    Failed,
}
