using MailKit.Net.Smtp;
using MimeKit;

namespace Moderation.Worker.Mail;

/// <summary>Why an attempt failed, in words safe to store and log (never the server's text), and whether to try again.</summary>
public sealed record SendFailure(string Description, bool Permanent)
{
    public static readonly SendFailure Unreachable = new("server unreachable", Permanent: false);

    public static SendFailure From(Exception exception) => exception switch
    {
        // A 5xx answer about this message or its recipient will not change on a retry; 4xx ones are "try later".
        SmtpCommandException command => new($"smtp {(int)command.StatusCode} {command.ErrorCode}", Permanent: (int)command.StatusCode >= 500),
        ParseException => new("invalid address", Permanent: true),
        _ => new(exception.GetType().Name, Permanent: false),
    };
}
