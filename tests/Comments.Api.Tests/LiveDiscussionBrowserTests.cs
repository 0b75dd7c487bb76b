using Microsoft.Playwright;

namespace Comments.Api.Tests;

/// <summary>Issue 20, live discussion in the embed: real Chromium on the demo article, comments decided elsewhere.</summary>
[Collection(StackCollection.Name)]
public sealed class LiveDiscussionBrowserTests(CommentsStack stack, BrowserFixture chromium) : IClassFixture<BrowserFixture>
{
    private string BaseUrl => stack.Api.CreateClient().BaseAddress!.ToString().TrimEnd('/');

    [Fact]
    public async Task A_comment_approved_elsewhere_waits_behind_a_button_and_a_reply_appears_under_its_parent_without_moving_the_page()
    {
        var articleId = TestData.NewArticleId();
        var author = stack.Api.CreateClientFor(TestData.NewUserId(), "Ada Reader");
        var moderator = stack.Api.CreateClientFor(TestData.NewUserId("moderator"), "Mo", "moderator");
        foreach (var n in Enumerable.Range(1, 4))
        {
            await author.PostPublishedAsync(articleId, $"Earlier comment number {n} about the river levels, long enough to take some room on the page.");
        }
        var page = await chromium.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 900, Height = 500 } });
        await page.GotoAsync($"{BaseUrl}/demo/articles/{articleId}");
        await Assertions.Expect(page.Locator(".cm-list .cm-comment")).ToHaveCountAsync(4);
        var reading = page.Locator(".cm-list .cm-comment").Nth(2);
        await reading.EvaluateAsync("node => node.scrollIntoView()");
        await page.Locator(".cm-list .cm-comment").Nth(3).EvaluateAsync("node => node.dataset.marker = 'reading'");

        const string focused = "document.activeElement.outerHTML.slice(0, 80)";
        var focusBefore = await page.EvaluateAsync<string>(focused);
        // Held by the pipeline, then approved by a moderator in the console: only then does it go out.
        var held = await author.PostAcceptedCommentAsync(articleId, "The mayor talks utter bullshit about the flood money.");
        await author.WaitForStatusAsync(held, "held");
        await moderator.ApproveAsync(held);

        var button = page.GetByRole(AriaRole.Button, new() { Name = "1 new comment", Exact = true });
        await Assertions.Expect(button).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator(".cm-live-announce")).ToContainTextAsync("1 new comment");
        Assert.Equal(focusBefore, await page.EvaluateAsync<string>(focused));
        Assert.Equal(4, await page.Locator(".cm-list > .cm-comment").CountAsync());
        var markerTop = await TopOfAsync(page, "[data-marker=reading]");

        await button.ClickAsync();

        await Assertions.Expect(page.Locator(".cm-list > .cm-comment").First).ToContainTextAsync("utter bullshit about the flood money");
        await Assertions.Expect(button).ToBeHiddenAsync();
        Assert.InRange(await TopOfAsync(page, "[data-marker=reading]") - markerTop, -1, 1);

        var reply = await author.PostPublishedReplyAsync(articleId, held, "Replying live: the money was spent on the west bank.");
        await Assertions.Expect(button).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await BrowserFixture.ScreenshotAsync(page, "live-discussion");
        await button.ClickAsync();

        var parent = page.Locator($".cm-list > .cm-comment[data-id='{held}']");
        await Assertions.Expect(parent.Locator($":scope > .cm-replies > .cm-comment[data-id='{reply}']")).ToContainTextAsync("the money was spent on the west bank");
    }

    private static Task<double> TopOfAsync(IPage page, string selector) =>
        page.Locator(selector).EvaluateAsync<double>("node => node.getBoundingClientRect().top");
}
