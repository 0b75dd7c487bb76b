using Comments.Storage;
using Comments.Storage.Support;

namespace Comments.Api.Support;

/// <summary>
/// Writes the mail to the outbox (<c>outgoing_mail</c>) in the caller's unit of work, so it exists exactly when the
/// change it tells of is saved; the worker's dispatcher sends it over SMTP (or, with no server configured, it stays recorded).
/// </summary>
public sealed class OutboxMailSender(CommentsDbContext db, TimeProvider clock, ILogger<OutboxMailSender> logger) : IMailSender
{
    public Task SendAsync(string to, string subject, string body, Guid? helpRequestId, CancellationToken cancellationToken)
    {
        db.OutgoingMail.Add(new OutgoingMail { Id = Guid.CreateVersion7(), To = to, Subject = subject, Body = body, HelpRequestId = helpRequestId, CreatedAt = clock.GetUtcNow() });
        // No address in the log: personal data stays in the database, where retention rules apply.
        logger.LogInformation("Mail queued for help request {HelpRequestId}: {Subject}", helpRequestId, subject);
        return Task.CompletedTask;
    }
}
