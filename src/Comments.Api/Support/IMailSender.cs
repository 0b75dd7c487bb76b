namespace Comments.Api.Support;

/// <summary>Sends e-mail to readers. The implementation here records each message in the database and logs it.</summary>
public interface IMailSender
{
    Task SendAsync(string to, string subject, string body, Guid? helpRequestId, CancellationToken cancellationToken);
}
