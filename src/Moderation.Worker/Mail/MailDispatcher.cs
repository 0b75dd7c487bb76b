using Comments.Moderation;
using Comments.Storage;
using Comments.Storage.Support;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Moderation.Worker.Mail;

/// <summary>
/// Sends the mail outbox (<c>outgoing_mail</c>) over SMTP with MailKit. Each round claims due rows with
/// <c>SKIP LOCKED</c> and a lease, so several workers share the outbox without sending a row twice; a failed attempt
/// waits and is tried again (a server's 5xx answer for the recipient is final). Delivery is at least once: a worker
/// that dies between the server's answer and marking the row sends it again after the lease.
/// </summary>
public sealed class MailDispatcher(IServiceScopeFactory scopes, IOptions<SmtpOptions> options, MailMetrics metrics, TimeProvider clock, ILogger<MailDispatcher> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Configured)
        {
            logger.LogInformation("No SMTP server configured (Smtp:Host): mail is recorded in outgoing_mail and not sent");
            return Task.CompletedTask;
        }
        return PeriodicWork.RunAsync(options.Value.PollInterval, clock, DispatchAsync, logger, "Sending mail", stoppingToken);
    }

    /// <summary>One round: gives up stale mail, then sends batches until nothing is due.</summary>
    public async Task DispatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommentsDbContext>();
        var settings = options.Value;
        await MailOutbox.GiveUpStaleAsync(db, clock.GetUtcNow() - settings.GiveUpAfter, cancellationToken);
        while (await MailOutbox.ClaimAsync(db, clock.GetUtcNow(), settings, cancellationToken) is { Count: > 0 } batch)
        {
            await SendAsync(db, batch, settings, cancellationToken);
            if (batch.Count < settings.BatchSize) return;
        }
    }

    private async Task SendAsync(CommentsDbContext db, IReadOnlyList<OutgoingMail> batch, SmtpOptions settings, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        if (!await TryConnectAsync(client, settings, cancellationToken))
        {
            logger.LogWarning("Cannot reach the SMTP server; {Count} mails wait for their next attempt", batch.Count);
            foreach (var mail in batch) await FailedAsync(db, mail, SendFailure.Unreachable, settings, cancellationToken);
            return;
        }
        for (var i = 0; i < batch.Count; i++)
        {
            try
            {
                await client.SendAsync(MailMessages.From(batch[i], settings), cancellationToken);
                await MailOutbox.SentAsync(db, batch[i], clock.GetUtcNow(), cancellationToken);
                metrics.Sent();
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                await FailedAsync(db, batch[i], SendFailure.From(exception), settings, cancellationToken);
                if (!client.IsConnected && !await TryConnectAsync(client, settings, cancellationToken))
                {
                    // The server went away: the rest of the batch waits for its next attempt too.
                    foreach (var rest in batch.Skip(i + 1)) await FailedAsync(db, rest, SendFailure.Unreachable, settings, cancellationToken);
                    return;
                }
            }
        }
        if (client.IsConnected) await client.DisconnectAsync(quit: true, cancellationToken);
    }

    private async Task FailedAsync(CommentsDbContext db, OutgoingMail mail, SendFailure failure, SmtpOptions settings, CancellationToken cancellationToken)
    {
        var final = failure.Permanent || mail.Attempts >= settings.MaxAttempts;
        // Row ids only: the address is personal data and stays in the database.
        logger.LogWarning("Mail {MailId} attempt {Attempt} failed ({Error}){Final}", mail.Id, mail.Attempts, failure.Description, final ? "; giving up" : "");
        var retryAt = clock.GetUtcNow() + RetryWait(mail.Attempts, settings.RetryDelay);
        await MailOutbox.FailedAsync(db, mail, failure.Description, final ? null : retryAt, cancellationToken);
        metrics.Failed(final);
    }

    private async Task<bool> TryConnectAsync(SmtpClient client, SmtpOptions settings, CancellationToken cancellationToken)
    {
        try
        {
            await client.ConnectAsync(settings.Host!, settings.Port, Socket(settings.Security), cancellationToken);
            if (!string.IsNullOrEmpty(settings.UserName)) await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("SMTP connection to {Host}:{Port} failed: {Error}", settings.Host, settings.Port, SendFailure.From(exception).Description);
            return false;
        }
    }

    /// <summary>Doubles from the configured delay with each attempt, up to an hour.</summary>
    public static TimeSpan RetryWait(int attempts, TimeSpan first) =>
        TimeSpan.FromTicks(Math.Min(TimeSpan.FromHours(1).Ticks, first.Ticks * (1L << Math.Clamp(attempts - 1, 0, 20))));

    private static SecureSocketOptions Socket(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };
}
