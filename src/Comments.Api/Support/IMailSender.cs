namespace Comments.Api.Support;

/// <summary>Sends e-mail to readers: through the outbox the worker sends over SMTP (<see cref="OutboxMailSender"/>).</summary>
public interface IMailSender
{
    Task SendAsync(string to, string subject, string body, Guid? helpRequestId, CancellationToken cancellationToken);
}
