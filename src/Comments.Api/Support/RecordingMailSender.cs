using Comments.Storage;
using Comments.Storage.Support;

namespace Comments.Api.Support;

/// <summary>Writes outgoing mail to <c>outgoing_mail</c> (in the caller's unit of work) and logs it; a real SMTP sender can replace it.</summary>
public sealed class RecordingMailSender(CommentsDbContext db, TimeProvider clock, ILogger<RecordingMailSender> logger) : IMailSender
{
    public Task SendAsync(string to, string subject, string body, Guid? helpRequestId, CancellationToken cancellationToken)
    {
        db.OutgoingMail.Add(new OutgoingMail { Id = Guid.CreateVersion7(), To = to, Subject = subject, Body = body, HelpRequestId = helpRequestId, CreatedAt = clock.GetUtcNow() });
        // No address in the log: personal data stays in the database, where retention rules apply.
        logger.LogInformation("Mail recorded for help request {HelpRequestId}: {Subject}", helpRequestId, subject);
        return Task.CompletedTask;
    }
}
