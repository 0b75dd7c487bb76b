using System.Net.Http.Json;
using Microsoft.Playwright;

namespace Comments.Api.Tests;

/// <summary>Issue 21 in real Chromium: the reader reads a statement of reasons in the embed and complains about it.</summary>
[Collection(StackCollection.Name)]
public sealed class StatementsBrowserTests(CommentsStack stack, BrowserFixture chromium) : IClassFixture<BrowserFixture>
{
    private string BaseUrl => stack.Api.CreateClient().BaseAddress!.ToString().TrimEnd('/');

    [Fact]
    public async Task A_reader_reads_why_their_comment_was_removed_and_complains_from_the_keyboard()
    {
        var articleId = TestData.NewArticleId();
        var userId = TestData.NewUserId();
        var reader = stack.Api.CreateClientFor(userId, "Ada Reader");
        var id = await reader.PostPublishedAsync(articleId, "The council hid the flood report from us all.");
        await stack.Api.CreateClientFor(TestData.NewUserId("moderator"), "M", "moderator").RejectAsync(id);
        var statement = Assert.Single(await reader.WaitForStatementsAsync(1, "the removal's statement"));
        var page = await chromium.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 900, Height = 1000 } });
        await page.GotoAsync($"{BaseUrl}/demo/articles/{articleId}");
        await page.FillAsync("#userId", userId);
        await page.FillAsync("#displayName", "Ada Reader");
        await page.ClickAsync("#dev-signin button[type=submit]");
        await Assertions.Expect(page.Locator("#dev-signin-status")).ToContainTextAsync("Signed in as");
        // The removal's notification is unread: the bell's name is its visible text, count included (axe checks both below).
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Notifications, 1 unread", Exact = true })).ToBeVisibleAsync();

        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "Decisions about your comments and account", Exact = true });
        await toggle.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var item = page.Locator(".cm-statement.cm-comment_removed");
        await Assertions.Expect(item).ToContainTextAsync(statement.Str("reference"));
        await Assertions.Expect(item).ToContainTextAsync("A person found this and decided it");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "reader embed: statements of reasons");

        await item.GetByRole(AriaRole.Button, new() { Name = "Complain" }).ClickAsync();
        await item.GetByLabel("Why should this decision be reviewed?").FillAsync("I quoted the report; please look again.");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator(".cm-statement.cm-comment_removed")).ToContainTextAsync("is with the moderators");
        await Assertions.Expect(page.Locator(".cm-status")).ToContainTextAsync("Your complaint was sent as help request HR-");
        await BrowserFixture.ScreenshotAsync(page, "statements");
    }
}
