using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comments.Storage.Support;
using Comments.Testing;
using Microsoft.EntityFrameworkCore;
using Moderation.Worker.Mail;
using SmtpServer.Protocol;

namespace Comments.Api.Tests;

/// <summary>The mail outbox sent by the worker over SMTP to a real server in the test process.</summary>
[Collection(StackCollection.Name)]
public sealed class MailDeliveryTests(CommentsStack stack)
{
    private static string NewAddress() => $"reader-{Guid.NewGuid():N}@example.org";

    private async Task<(Guid Id, string Reference)> SubmitHelpRequestAsync(string email)
    {
        var response = await stack.Api.CreateClient().PostAsJsonAsync("/api/help-requests", new { email, message = "My comment disappeared right after I posted it." });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>(TestData.Json);
        return (accepted.GetProperty("id").GetGuid(), accepted.GetProperty("reference").GetString()!);
    }

    private static Task<OutgoingMail> WaitForDeliveryAsync(Guid mailId, MailDelivery delivery) =>
        Eventually.Until(async () =>
        {
            await using var db = TestServices.CreateDbContext();
            return await db.OutgoingMail.AsNoTracking().SingleAsync(m => m.Id == mailId);
        }, m => m.Delivery == delivery, $"outgoing mail {mailId} to be {delivery}");

    [Fact]
    public async Task The_acknowledgement_and_supports_reply_reach_the_reader_over_smtp()
    {
        var email = NewAddress();
        var (id, reference) = await SubmitHelpRequestAsync(email);
        var support = stack.Api.CreateClientFor(TestData.NewUserId("support"), "Sam Support", "support");
        await support.WaitForTriagedAsync(id);
        Assert.Equal(HttpStatusCode.Created, (await support.PostAsJsonAsync($"/api/support/help-requests/{id}/replies", new { body = "Your comment is back: a filter caught it by mistake." })).StatusCode);

        var messages = await stack.Mail.WaitForAsync(email, 2);
        var acknowledgement = Assert.Single(messages, m => m.Subject == $"We have your help request {reference}");
        var reply = Assert.Single(messages, m => m.Subject == $"Re: your help request {reference}");
        Assert.Contains("a filter caught it by mistake", reply.TextBody);
        Assert.Contains(reference, acknowledgement.TextBody);
        Assert.Equal("comments@news.example", reply.From.Mailboxes.Single().Address);
        Assert.Equal("auto-generated", reply.Headers["Auto-Submitted"]);
        Assert.Null(reply.Headers["List-Unsubscribe"]);

        await using var db = TestServices.CreateDbContext();
        var rows = await db.OutgoingMail.AsNoTracking().Where(m => m.HelpRequestId == id).ToListAsync();
        Assert.Equal(2, rows.Count);
        foreach (var row in rows)
        {
            var sent = await WaitForDeliveryAsync(row.Id, MailDelivery.Sent);
            Assert.NotNull(sent.SentAt);
            Assert.Contains(messages, m => m.MessageId != null && m.MessageId.StartsWith(row.Id.ToString("N"), StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_temporary_refusal_is_tried_again_and_the_mail_arrives_once()
    {
        var email = NewAddress();
        stack.Mail.Refuse(email, SmtpReplyCode.InsufficientStorage);
        var (id, _) = await SubmitHelpRequestAsync(email);

        var message = Assert.Single(await stack.Mail.WaitForAsync(email));
        await using var db = TestServices.CreateDbContext();
        var row = await WaitForDeliveryAsync((await db.OutgoingMail.SingleAsync(m => m.HelpRequestId == id)).Id, MailDelivery.Sent);
        Assert.Equal(2, row.Attempts);
        Assert.StartsWith(row.Id.ToString("N"), message.MessageId);
    }

    [Fact]
    public async Task A_permanent_refusal_gives_the_mail_up_without_retrying()
    {
        var email = NewAddress();
        stack.Mail.Refuse(email, SmtpReplyCode.MailboxUnavailable);
        var mail = await QueueAsync(email, createdAt: DateTimeOffset.UtcNow);

        var row = await WaitForDeliveryAsync(mail.Id, MailDelivery.Failed);
        Assert.Equal(1, row.Attempts);
        Assert.StartsWith("smtp 550", row.LastError);
        Assert.DoesNotContain(email, row.LastError);
        Assert.Empty(stack.Mail.To(email));
    }

    [Fact]
    public async Task A_mail_with_an_unsubscribe_link_carries_the_one_click_headers()
    {
        var email = NewAddress();
        var mail = await QueueAsync(email, createdAt: DateTimeOffset.UtcNow, unsubscribeUrl: "https://comments.example/api/unsubscribe?token=abc");

        var message = Assert.Single(await stack.Mail.WaitForAsync(email));
        Assert.Equal("<https://comments.example/api/unsubscribe?token=abc>", message.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        await WaitForDeliveryAsync(mail.Id, MailDelivery.Sent);
    }

    [Fact]
    public async Task Mail_left_unsent_past_the_give_up_time_is_never_sent_late()
    {
        var email = NewAddress();
        var stale = await QueueAsync(email, createdAt: DateTimeOffset.UtcNow.AddDays(-3));
        var fresh = await QueueAsync(email, createdAt: DateTimeOffset.UtcNow);

        await WaitForDeliveryAsync(fresh.Id, MailDelivery.Sent);
        var row = await WaitForDeliveryAsync(stale.Id, MailDelivery.Failed);
        Assert.Equal(0, row.Attempts);
        Assert.Equal("expired unsent", row.LastError);
        Assert.Single(stack.Mail.To(email));
    }

    [Fact]
    public async Task A_worker_whose_lease_ran_out_cannot_record_over_the_worker_that_claimed_the_mail_next()
    {
        // Leased far ahead, so the stack's own dispatcher leaves it alone: first claimed by a slow worker, then by another.
        var mail = await QueueAsync(NewAddress(), createdAt: DateTimeOffset.UtcNow);
        await using var db = TestServices.CreateDbContext();
        await db.OutgoingMail.Where(m => m.Id == mail.Id).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.Attempts, 2).SetProperty(m => m.NextAttemptAt, DateTimeOffset.UtcNow.AddHours(1)));
        var slowWorkersClaim = new OutgoingMail { Id = mail.Id, To = mail.To, Subject = mail.Subject, Body = mail.Body, CreatedAt = mail.CreatedAt, Attempts = 1 };

        await MailOutbox.SentAsync(db, slowWorkersClaim, DateTimeOffset.UtcNow, CancellationToken.None);
        await MailOutbox.FailedAsync(db, slowWorkersClaim, "timed out", DateTimeOffset.UtcNow, CancellationToken.None);

        var row = await db.OutgoingMail.AsNoTracking().SingleAsync(m => m.Id == mail.Id);
        Assert.True(row is { Delivery: MailDelivery.Pending, Attempts: 2, LastError: null, SentAt: null } && row.NextAttemptAt > DateTimeOffset.UtcNow.AddMinutes(30),
            $"the second claim's lease should stand: {row.Delivery}, attempt {row.Attempts}, next {row.NextAttemptAt}, error {row.LastError}");
        await MailOutbox.SentAsync(db, row, DateTimeOffset.UtcNow, CancellationToken.None);
        Assert.Equal(MailDelivery.Sent, (await db.OutgoingMail.AsNoTracking().SingleAsync(m => m.Id == mail.Id)).Delivery);
    }

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(4, 240)]
    [InlineData(30, 3600)]
    public void The_wait_between_attempts_doubles_up_to_an_hour(int attempts, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), MailDispatcher.RetryWait(attempts, TimeSpan.FromSeconds(30)));

    private static async Task<OutgoingMail> QueueAsync(string to, DateTimeOffset createdAt, string? unsubscribeUrl = null)
    {
        await using var db = TestServices.CreateDbContext();
        var mail = new OutgoingMail { Id = Guid.CreateVersion7(), To = to, Subject = "Replies to your comment", Body = "Someone answered you.", CreatedAt = createdAt, UnsubscribeUrl = unsubscribeUrl };
        db.OutgoingMail.Add(mail);
        await db.SaveChangesAsync();
        return mail;
    }
}
