using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Comments.Moderation.Notifications;
using Comments.Storage.Notifications;
using Comments.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Moderation.Worker.Notifications;

namespace Comments.Api.Tests;

/// <summary>
/// The digest written into the mail outbox: one mail per reader per window with everything meanwhile, none without an
/// address or with mail off, one with two workers at once; its unsubscribe link works without signing in and only as
/// issued. The window is driven by the time handed to the digest, not by waiting.
/// </summary>
[Collection(StackCollection.Name)]
public sealed partial class NotificationDigestTests(CommentsStack stack)
{
    private NotificationDigest Digest => stack.WorkerServices.GetRequiredService<NotificationDigest>();

    private async Task<string> ReaderWithMailAsync(string userId, bool mailEnabled = true)
    {
        var email = $"{userId}@example.org";
        var saved = await stack.Api.CreateClientFor(userId).PutAsJsonAsync("/api/me/preferences", new { email, mailEnabled });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        return email;
    }

    private static async Task<List<global::Comments.Storage.Support.OutgoingMail>> MailsToAsync(string email)
    {
        await using var db = TestServices.CreateDbContext();
        return await db.OutgoingMail.AsNoTracking().Where(m => m.To == email).OrderBy(m => m.CreatedAt).ToListAsync();
    }

    [Fact]
    public async Task The_same_user_id_on_another_site_is_another_reader_for_lists_marks_and_mail()
    {
        var userId = TestData.NewUserId();
        var email = await ReaderWithMailAsync(userId);
        var now = DateTimeOffset.UtcNow;
        await NotificationTestData.AddNotificationAsync(userId, now.AddSeconds(-1), siteId: "another-site");

        var reader = stack.Api.CreateClientFor(userId);
        var page = await reader.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/me/notifications", TestData.Json);
        Assert.Empty(page.GetProperty("items").EnumerateArray());
        Assert.Equal(0, page.GetProperty("unread").GetInt32());
        await Digest.DigestAsync(now, CancellationToken.None);
        Assert.Empty(await MailsToAsync(email));

        var mine = await NotificationTestData.AddNotificationAsync(userId, now);
        Assert.Equal(HttpStatusCode.OK, (await reader.PostAsJsonAsync("/api/me/notifications/read", new { })).StatusCode);
        await using var db = TestServices.CreateDbContext();
        var stored = await db.Notifications.AsNoTracking().Where(n => n.UserId == userId).ToListAsync();
        Assert.NotNull(Assert.Single(stored, n => n.Id == mine).ReadAt);
        Assert.Null(Assert.Single(stored, n => n.SiteId == "another-site").ReadAt);
    }

    [Fact]
    public async Task A_reader_gets_one_mail_per_window_with_everything_that_happened_meanwhile()
    {
        var userId = TestData.NewUserId();
        var email = await ReaderWithMailAsync(userId);
        var start = DateTimeOffset.UtcNow;
        await NotificationTestData.AddNotificationAsync(userId, start.AddSeconds(-2));

        await Digest.DigestAsync(start, CancellationToken.None);
        var first = Assert.Single(await MailsToAsync(email));
        Assert.Equal("News about your comments", first.Subject);
        Assert.Contains("- Your comment was chosen as an editors' pick.", first.Body);
        Assert.Contains($"Stop these e-mails: {first.UnsubscribeUrl}", first.Body);
        var sent = Assert.Single(await stack.Mail.WaitForAsync(email));
        Assert.Equal($"<{first.UnsubscribeUrl}>", sent.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", sent.Headers["List-Unsubscribe-Post"]);
        Assert.Equal("News about your comments", sent.Subject);
        Assert.Contains("- Your comment was chosen as an editors' pick.", sent.TextBody);

        await NotificationTestData.AddNotificationAsync(userId, start.AddSeconds(-1), NotificationKind.Reply, actorName: "Bob Replier");
        await NotificationTestData.AddNotificationAsync(userId, start);
        await Digest.DigestAsync(start.AddMinutes(1), CancellationToken.None);
        Assert.Single(await MailsToAsync(email));

        await Digest.DigestAsync(start.AddMinutes(61), CancellationToken.None);
        var mails = await MailsToAsync(email);
        Assert.Equal(2, mails.Count);
        Assert.Equal("2 updates about your comments", mails[1].Subject);
        Assert.Contains("- Bob Replier replied to your comment.", mails[1].Body);
        Assert.Equal(2, mails[1].Body.Split('\n').Count(line => line.StartsWith("- ", StringComparison.Ordinal)));
        await Digest.DigestAsync(start.AddMinutes(200), CancellationToken.None);
        Assert.Equal(2, (await MailsToAsync(email)).Count);
    }

    [Fact]
    public async Task A_reader_who_chose_german_gets_the_digest_in_german()
    {
        var userId = TestData.NewUserId();
        var email = $"{userId}@example.org";
        var saved = await stack.Api.CreateClientFor(userId).PutAsJsonAsync("/api/me/preferences", new { email, mailEnabled = true, language = "de" });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var now = DateTimeOffset.UtcNow;
        await NotificationTestData.AddNotificationAsync(userId, now, NotificationKind.Reply, actorName: "Bob");

        await Digest.DigestAsync(now, CancellationToken.None);

        var mail = Assert.Single(await MailsToAsync(email));
        Assert.Equal("Neues zu Ihren Kommentaren", mail.Subject);
        Assert.Contains("- Bob hat auf Ihren Kommentar geantwortet.", mail.Body);
        Assert.Contains($"Keine solchen E-Mails mehr erhalten: {mail.UnsubscribeUrl}", mail.Body);
    }

    [Fact]
    public async Task Readers_without_an_address_with_mail_off_or_who_read_it_already_get_no_mail()
    {
        var optedOut = TestData.NewUserId();
        var optedOutEmail = await ReaderWithMailAsync(optedOut, mailEnabled: false);
        var noAddress = TestData.NewUserId();
        var alreadyRead = TestData.NewUserId();
        var alreadyReadEmail = await ReaderWithMailAsync(alreadyRead);
        var now = DateTimeOffset.UtcNow;
        await NotificationTestData.AddNotificationAsync(optedOut, now);
        var unmailed = await NotificationTestData.AddNotificationAsync(noAddress, now);
        await NotificationTestData.AddNotificationAsync(alreadyRead, now, readAt: now);

        await Digest.DigestAsync(now.AddMinutes(1), CancellationToken.None);

        Assert.Empty(await MailsToAsync(optedOutEmail));
        Assert.Empty(await MailsToAsync(alreadyReadEmail));
        await using var db = TestServices.CreateDbContext();
        Assert.Null((await db.Notifications.SingleAsync(n => n.Id == unmailed)).MailedAt);
    }

    [Fact]
    public async Task Two_workers_at_once_write_one_mail()
    {
        var userId = TestData.NewUserId();
        var email = await ReaderWithMailAsync(userId);
        var now = DateTimeOffset.UtcNow;
        await NotificationTestData.AddNotificationAsync(userId, now);
        var second = ActivatorUtilities.CreateInstance<NotificationDigest>(stack.WorkerServices);

        await Task.WhenAll(Digest.DigestAsync(now, CancellationToken.None), second.DigestAsync(now, CancellationToken.None));
        await Digest.DigestAsync(now, CancellationToken.None);

        Assert.Single(await MailsToAsync(email));
    }

    [Fact]
    public async Task The_unsubscribe_link_turns_mail_off_without_signing_in_and_a_tampered_or_expired_one_changes_nothing()
    {
        var userId = TestData.NewUserId();
        var email = await ReaderWithMailAsync(userId);
        var now = DateTimeOffset.UtcNow;
        await NotificationTestData.AddNotificationAsync(userId, now);
        await Digest.DigestAsync(now, CancellationToken.None);
        // The link as a mail program finds it: the List-Unsubscribe header of the mail the SMTP server received.
        var header = Assert.Single(await stack.Mail.WaitForAsync(email)).Headers["List-Unsubscribe"];
        var link = LinkPattern().Match(header ?? "");
        Assert.True(link.Success, $"the mail's List-Unsubscribe header is no unsubscribe link: {header}");
        var token = Uri.UnescapeDataString(link.Groups["token"].Value);
        var anonymous = stack.Api.CreateClient();
        var key = stack.Api.Services.GetRequiredService<IOptions<NotificationOptions>>().Value.UnsubscribeKey!;
        string Path(string t) => $"/api/unsubscribe?token={Uri.EscapeDataString(t)}";

        var bad = new[]
        {
            token[..^2] + (token[^2] == 'A' ? "BA" : "AA"),
            System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes($"9999999999\ndefault\n{userId}")) + "." + token.Split('.')[1],
            UnsubscribeToken.Create("default", userId, now.AddMinutes(-1), key),
            UnsubscribeToken.Create("default", userId, now.AddDays(1), "another-key-that-is-long-enough-0123456789"),
            "",
        };
        foreach (var refused in bad)
        {
            await ProblemAssert.IsProblemAsync(await anonymous.GetAsync(Path(refused)), HttpStatusCode.BadRequest);
            await ProblemAssert.IsProblemAsync(await anonymous.PostAsync(Path(refused), null), HttpStatusCode.BadRequest);
        }
        var reader = stack.Api.CreateClientFor(userId);
        Assert.True((await reader.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/me/preferences", TestData.Json)).GetProperty("mailEnabled").GetBoolean());

        var ask = await anonymous.GetAsync(Path(token));
        Assert.Equal(HttpStatusCode.OK, ask.StatusCode);
        Assert.Contains("Stop these e-mails", await ask.Content.ReadAsStringAsync());
        Assert.True((await reader.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/me/preferences", TestData.Json)).GetProperty("mailEnabled").GetBoolean());

        var oneClick = await anonymous.PostAsync(Path(token), new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.False((await reader.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/me/preferences", TestData.Json)).GetProperty("mailEnabled").GetBoolean());
    }

    [GeneratedRegex(@"^<https?://[^/>]+/api/unsubscribe\?token=(?<token>[^>\s]+)>$")]
    private static partial Regex LinkPattern();
}
