using Comments.Storage;
using Comments.Storage.Comments;
using Comments.Storage.Legal;
using Comments.Storage.Notifications;
using Comments.Storage.Privacy;
using Comments.Storage.Support;
using Comments.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moderation.Worker.Retention;

namespace Moderation.Worker.Tests;

/// <summary>Issue 21: every retention period ends in a purge, and a confirmed erasure is carried out by its deadline (real PostgreSQL, driven clock).</summary>
public sealed class RetentionTests
{
    [Fact]
    public async Task Mail_refused_posts_notifications_previews_and_notifier_contacts_go_when_their_period_ends_and_not_before()
    {
        await TestServices.EnsureMigratedAsync();
        // Written 12 hours ago with one-day periods: other tests' records (the real clock, the defaults) are not reached.
        var at = DateTimeOffset.UtcNow.AddHours(-12);
        var user = $"retention-{Guid.NewGuid():N}";
        var (mail, pending, refusal, notification, preview, notice) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var unconfirmed = Guid.CreateVersion7();
        await using (var db = TestServices.CreateDbContext())
        {
            db.OutgoingMail.AddRange(
                new OutgoingMail { Id = mail, To = $"{user}@example.org", Subject = "Digest", Body = "b", CreatedAt = at, Delivery = MailDelivery.Sent, SentAt = at },
                new OutgoingMail { Id = pending, To = $"{user}@example.org", Subject = "Digest", Body = "b", CreatedAt = at });
            db.PostRefusals.Add(new PostRefusal { Id = refusal, UserId = user, Reason = "rate_limit", At = at });
            db.Notifications.Add(new Notification { Id = notification, SiteId = "default", UserId = user, Kind = NotificationKind.Featured, SubjectId = Guid.NewGuid(), CreatedAt = at });
            db.HelpPreviews.Add(new HelpPreview { Id = preview, SiteId = "default", CreatedAt = at });
            db.ErasureRequests.Add(new ErasureRequest { Id = unconfirmed, SiteId = "default", UserId = user, RequestedBy = user, ConfirmationHash = new string('2', 64), RequestedAt = at.AddDays(-2), ConfirmBy = at.AddDays(-2).AddMinutes(15) });
            db.LegalNotices.Add(new LegalNotice
            {
                Id = notice, Reference = References.New("LN"), SiteId = "default", CommentId = Guid.NewGuid(), Category = "defamation", Explanation = "e",
                NotifierName = "N", NotifierEmail = $"{user}@example.org", GoodFaith = true, ReceivedAt = at, DueAt = at, Outcome = NoticeOutcome.NoAction, DecidedAt = at,
            });
            await db.SaveChangesAsync();
        }
        await using var services = new ServiceCollection().AddCommentsDatabase(TestServices.ConnectionString).BuildServiceProvider();
        var clock = new FakeTimeProvider(at + TimeSpan.FromDays(1) - TimeSpan.FromMinutes(1));
        var options = new RetentionOptions { OutgoingMailDays = 1, PostRefusalDays = 1, NotificationDays = 1, HelpPreviewDays = 1, NoticeContactDays = 1 };
        var purger = new DeletedCommentPurger(services.GetRequiredService<IServiceScopeFactory>(), Options.Create(options), clock, NullLogger<DeletedCommentPurger>.Instance);

        await purger.PurgeAsync(CancellationToken.None);
        Assert.Equal(5, await CountAsync(mail, refusal, notification, preview, notice));
        await using (var db = TestServices.CreateDbContext())
        {
            Assert.False(await db.ErasureRequests.AnyAsync(r => r.Id == unconfirmed), "an erasure not confirmed is deleted a day after its code expired");
        }

        clock.Advance(TimeSpan.FromMinutes(2));
        await purger.PurgeAsync(CancellationToken.None);
        Assert.Equal(0, await CountAsync(mail, refusal, notification, preview, notice));
        await using var check = TestServices.CreateDbContext();
        Assert.True(await check.OutgoingMail.AnyAsync(m => m.Id == pending), "mail not sent yet is kept");
        var kept = await check.LegalNotices.SingleAsync(n => n.Id == notice);
        Assert.Null(kept.NotifierEmail);
        Assert.Equal(NoticeOutcome.NoAction, kept.Outcome);
    }

    [Fact]
    public async Task A_confirmed_erasure_is_carried_out_by_its_deadline_and_an_unconfirmed_one_never()
    {
        await TestServices.EnsureMigratedAsync();
        // Whole milliseconds: PostgreSQL keeps microseconds.
        var now = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        var user = $"erase-{Guid.NewGuid():N}";
        var (confirmed, unconfirmed) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await using (var db = TestServices.CreateDbContext())
        {
            db.Comments.Add(new Comment
            {
                Id = Guid.CreateVersion7(), SiteId = "default", ArticleId = "erase-test", AuthorId = user, AuthorName = "Erased Name", Body = "words to erase",
                Status = CommentStatus.Rejected, CreatedAt = now, UpdatedAt = now,
            });
            db.ErasureRequests.AddRange(
                // Valid for days: the purges of the other tests, with their clocks up to a day ahead, leave it alone.
                new ErasureRequest { Id = unconfirmed, SiteId = "default", UserId = user, RequestedBy = user, ConfirmationHash = new string('0', 64), RequestedAt = now, ConfirmBy = now.AddDays(10) },
                new ErasureRequest
                {
                    Id = confirmed, SiteId = "default", UserId = user, RequestedBy = user, ConfirmationHash = new string('1', 64), RequestedAt = now, ConfirmBy = now.AddMinutes(15),
                    ConfirmedAt = now, DueAt = now.AddDays(1), TokenEmail = $"{user}@example.org",
                });
            await db.SaveChangesAsync();
        }
        await using var services = new ServiceCollection().AddCommentsDatabase(TestServices.ConnectionString).BuildServiceProvider();
        var clock = new FakeTimeProvider(now.AddMinutes(5));
        var erasures = new ScheduledErasures(services.GetRequiredService<IServiceScopeFactory>(), Options.Create(new RetentionOptions()), clock, NullLogger<ScheduledErasures>.Instance);

        await erasures.RunDueAsync(CancellationToken.None);
        Assert.Equal(0, await erasures.RunDueAsync(CancellationToken.None));

        await using var check = TestServices.CreateDbContext();
        var done = await check.ErasureRequests.SingleAsync(r => r.Id == confirmed);
        Assert.Equal(now.AddMinutes(5), done.CompletedAt);
        Assert.True(done.CompletedAt <= done.DueAt);
        Assert.Null(done.TokenEmail);
        Assert.Null((await check.ErasureRequests.SingleAsync(r => r.Id == unconfirmed)).CompletedAt);
        var comment = await check.Comments.SingleAsync(c => c.AuthorId == user);
        Assert.Equal(("", ""), (comment.Body, comment.AuthorName));
        Assert.NotNull(comment.ErasedAt);
    }

    private static async Task<int> CountAsync(Guid mail, Guid refusal, Guid notification, Guid preview, Guid notice)
    {
        await using var db = TestServices.CreateDbContext();
        return await db.OutgoingMail.CountAsync(m => m.Id == mail) + await db.PostRefusals.CountAsync(r => r.Id == refusal)
            + await db.Notifications.CountAsync(n => n.Id == notification) + await db.HelpPreviews.CountAsync(p => p.Id == preview)
            + await db.LegalNotices.CountAsync(n => n.Id == notice && n.NotifierEmail != null);
    }
}
