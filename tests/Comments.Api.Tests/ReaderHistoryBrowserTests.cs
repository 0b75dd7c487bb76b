using Microsoft.Playwright;

namespace Comments.Api.Tests;

/// <summary>Issue 20 in real Chromium: "My comments", ignoring a reader, and the help form's preview, against the real stack.</summary>
[Collection(StackCollection.Name)]
public sealed class ReaderHistoryBrowserTests(CommentsStack stack, BrowserFixture chromium) : IClassFixture<BrowserFixture>
{
    private const string HeldText = "The mayor talks utter bullshit about the flood money.";

    private string BaseUrl => stack.Api.CreateClient().BaseAddress!.ToString().TrimEnd('/');

    private static async Task SignInAsync(IPage page, string userId, string name)
    {
        await page.FillAsync("#userId", userId);
        await page.FillAsync("#displayName", name);
        await page.ClickAsync("#dev-signin button[type=submit]");
        await Assertions.Expect(page.Locator("#dev-signin-status")).ToContainTextAsync("Signed in as");
    }

    private async Task<IPage> OpenDemoAsync(string articleId, string userId, string name)
    {
        var page = await chromium.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 900, Height = 1000 } });
        await page.GotoAsync($"{BaseUrl}/demo/articles/{articleId}");
        await SignInAsync(page, userId, name);
        return page;
    }

    private async Task<string> ReaderWithHeldCommentAsync(string articleId)
    {
        var userId = TestData.NewUserId();
        var reader = stack.Api.CreateClientFor(userId, "Ada Reader");
        var held = await reader.PostAcceptedCommentAsync(articleId, HeldText);
        await reader.WaitForStatusAsync(held, "held");
        return userId;
    }

    [Fact]
    public async Task My_comments_shows_a_held_comment_with_its_reason_from_the_keyboard()
    {
        var articleId = TestData.NewArticleId();
        var page = await OpenDemoAsync(articleId, await ReaderWithHeldCommentAsync(articleId), "Ada Reader");

        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "My comments", Exact = true });
        await toggle.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        var item = page.Locator(".cm-history-item.cm-held");
        await Assertions.Expect(item).ToContainTextAsync("Held for review");
        await Assertions.Expect(item.Locator(".cm-reason")).ToContainTextAsync("held for review: ");
        await Assertions.Expect(item.Locator(".cm-body")).ToHaveTextAsync(HeldText);
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "reader embed: My comments");
        await BrowserFixture.ScreenshotAsync(page, "my-comments");
    }

    [Fact]
    public async Task Ignoring_a_reader_removes_their_comment_from_the_page_after_a_reload()
    {
        var articleId = TestData.NewArticleId();
        await stack.Api.CreateClientFor(TestData.NewUserId("troll"), "Tom Troll").PostPublishedAsync(articleId, "Everyone here is wrong about the harbour.");
        await stack.Api.CreateClientFor(TestData.NewUserId(), "Fay Fair").PostPublishedAsync(articleId, "The harbour plan has a funding gap.");
        var readerId = TestData.NewUserId();
        var page = await OpenDemoAsync(articleId, readerId, "Ada Reader");
        await Assertions.Expect(page.Locator(".cm-list .cm-comment")).ToHaveCountAsync(2);

        await page.GetByRole(AriaRole.Button, new() { Name = "Ignore Tom Troll", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".cm-status")).ToContainTextAsync("You no longer see comments by Tom Troll.");
        await page.ReloadAsync();
        await SignInAsync(page, readerId, "Ada Reader");

        await Assertions.Expect(page.Locator(".cm-list .cm-comment")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".cm-list .cm-body")).ToHaveTextAsync("The harbour plan has a funding gap.");
        await page.GetByRole(AriaRole.Button, new() { Name = "My comments", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Stop ignoring Tom Troll", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".cm-list .cm-comment")).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task The_help_form_shows_what_is_known_about_a_held_comment_and_still_sends_the_request()
    {
        var articleId = TestData.NewArticleId();
        var page = await OpenDemoAsync(articleId, await ReaderWithHeldCommentAsync(articleId), "Ada Reader");

        await page.GetByRole(AriaRole.Button, new() { Name = "Please let us know if you're having issues with commenting." }).ClickAsync();
        await page.SelectOptionAsync("#cm-help-category", "comment_missing");

        var preview = page.Locator(".cm-help-preview");
        await Assertions.Expect(preview).ToContainTextAsync("is held for review: ");
        await Assertions.Expect(preview).ToContainTextAsync("in the moderators' queue.");
        await Assertions.Expect(preview).ToHaveAttributeAsync("aria-live", "polite");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "reader embed: the help form's preview");
        await BrowserFixture.ScreenshotAsync(page, "help-preview");
        await page.GetByLabel("What is the problem?").FillAsync("My comment has not appeared after an hour.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".cm-help-result")).ToContainTextAsync("Your reference is HR-");
    }
}
