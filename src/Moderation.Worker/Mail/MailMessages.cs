using Comments.Storage.Support;
using MimeKit;

namespace Moderation.Worker.Mail;

/// <summary>Turns an outbox row into the message that goes over SMTP.</summary>
public static class MailMessages
{
    public static MimeMessage From(OutgoingMail mail, SmtpOptions options)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(options.FromName, options.FromAddress));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        message.Date = mail.CreatedAt;
        // The same id on every attempt, so a receiving server can drop a copy a retry after a lost answer sends.
        message.MessageId = $"{mail.Id:N}@{options.FromAddress[(options.FromAddress.IndexOf('@') + 1)..]}";
        message.Headers.Add("Auto-Submitted", "auto-generated");
        if (mail.UnsubscribeUrl is { } unsubscribe)
        {
            message.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        message.Body = new TextPart("plain") { Text = mail.Body };
        return message;
    }
}
