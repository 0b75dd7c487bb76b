using System.Net.Http.Json;
using Comments.Testing;
using Microsoft.Playwright;

namespace Comments.Api.Tests;

/// <summary>The embed's bell in real Chromium, against the real API, worker, PostgreSQL and RabbitMQ.</summary>
[Collection(StackCollection.Name)]
public sealed class NotificationBrowserTests(CommentsStack stack, BrowserFixture chromium) : IClassFixture<BrowserFixture>
{
    private string BaseUrl => stack.Api.CreateClient().BaseAddress!.ToString().TrimEnd('/');

    [Fact]
    public async Task A_reply_by_another_reader_lights_the_bell_and_opening_it_from_the_keyboard_marks_it_read()
    {
        var articleId = TestData.NewArticleId();
        var aliceId = TestData.NewUserId();
        var alice = stack.Api.CreateClientFor(aliceId, "Alice");
        var parent = await alice.PostPublishedAsync(articleId, "The barrier held, and the pumps ran all night.");
        var bob = stack.Api.CreateClientFor(TestData.NewUserId(), "Bob Replier");
        var reply = await bob.PostAcceptedReplyAsync(articleId, parent, "The mayor talks utter bullshit about the flood money.");
        await bob.WaitForStatusAsync(reply, "held");
        await stack.Api.CreateClientFor(TestData.NewUserId("moderator"), "Mo Derator", "moderator").DecideAsync(reply, "approve");
        await alice.WaitForNotificationsAsync("reply", 1, "Alice's notification of Bob's approved reply");

        var page = await chromium.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 900, Height = 1000 } });
        await page.GotoAsync($"{BaseUrl}/demo/articles/{articleId}");
        await page.FillAsync("#userId", aliceId);
        await page.FillAsync("#displayName", "Alice");
        await page.ClickAsync("#dev-signin button[type=submit]");

        var bell = page.GetByRole(AriaRole.Button, new() { Name = "Notifications, 1 unread" });
        await Assertions.Expect(bell).ToBeVisibleAsync();
        await bell.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var panel = page.GetByRole(AriaRole.Region, new() { Name = "Your notifications" });
        await Assertions.Expect(panel).ToContainTextAsync("Bob Replier replied to your comment.");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Notifications, 0 unread" })).ToHaveAttributeAsync("aria-expanded", "true");
        Assert.Equal(0, (await alice.NotificationsAsync()).GetProperty("unread").GetInt32());
        await BrowserFixture.ScreenshotAsync(page, "notifications");

        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(panel).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Notifications, 0 unread" })).ToBeFocusedAsync();
    }

    [Fact]
    public async Task A_reader_saves_an_address_and_turns_mail_on_from_the_bells_panel()
    {
        var userId = TestData.NewUserId();
        var page = await chromium.Browser.NewPageAsync();
        await page.GotoAsync($"{BaseUrl}/demo/articles/{TestData.NewArticleId()}");
        await page.FillAsync("#userId", userId);
        await page.ClickAsync("#dev-signin button[type=submit]");

        await page.GetByRole(AriaRole.Button, new() { Name = "Notifications, 0 unread" }).ClickAsync();
        await page.GetByLabel("E-mail for notifications").FillAsync($"{userId}@example.org");
        await page.GetByLabel("E-mail me a summary").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await Assertions.Expect(page.Locator(".cm-pref-result")).ToHaveTextAsync("Saved: we will e-mail you.");

        var saved = await stack.Api.CreateClientFor(userId).GetFromJsonAsync<System.Text.Json.JsonElement>("/api/me/preferences", TestData.Json);
        Assert.Equal($"{userId}@example.org", saved.GetProperty("email").GetString());
        Assert.True(saved.GetProperty("mailEnabled").GetBoolean());
    }
}
