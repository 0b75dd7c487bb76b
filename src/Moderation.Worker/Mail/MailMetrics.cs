using System.Diagnostics.Metrics;
using Moderation.Worker.Messaging;

namespace Moderation.Worker.Mail;

/// <summary>Mail handed to the SMTP server, and attempts that failed (retried, or given up).</summary>
public sealed class MailMetrics
{
    private readonly Counter<long> _sent;
    private readonly Counter<long> _failed;

    public MailMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(QueueMetrics.MeterName);
        _sent = meter.CreateCounter<long>("comments.mail.sent", unit: "{mail}", description: "Mails the SMTP server accepted.");
        _failed = meter.CreateCounter<long>("comments.mail.failed_attempts", unit: "{attempt}", description: "Failed sending attempts, by whether the mail was given up.");
    }

    public void Sent() => _sent.Add(1);

    public void Failed(bool final) => _failed.Add(1, new KeyValuePair<string, object?>("final", final));
}
