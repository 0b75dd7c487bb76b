using System.Net.Http.Json;
using Microsoft.Playwright;

namespace Comments.Api.Tests;

/// <summary>The embed shows an article's state (issue 19): closed with its reason and no form, reviewed first, slow mode.</summary>
[Collection(StackCollection.Name)]
public sealed class ArticleStateBrowserTests(CommentsStack stack, BrowserFixture chromium) : IClassFixture<BrowserFixture>
{
    private string BaseUrl => stack.Api.CreateClient().BaseAddress!.ToString().TrimEnd('/');

    private async Task<IPage> OpenDemoAsync(string articleId)
    {
        var page = await chromium.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 900, Height = 1000 } });
        await page.GotoAsync($"{BaseUrl}/demo/articles/{articleId}");
        await page.FillAsync("#userId", TestData.NewUserId());
        await page.FillAsync("#displayName", "Ada Reader");
        await page.ClickAsync("#dev-signin button[type=submit]");
        await Assertions.Expect(page.Locator("#dev-signin-status")).ToContainTextAsync("Signed in as");
        return page;
    }

    [Fact]
    public async Task A_closed_article_shows_why_and_offers_no_form_and_a_reviewed_article_says_so_before_the_reader_writes()
    {
        var moderator = stack.Api.CreateClientFor(TestData.NewUserId("moderator"), "Mo", "moderator");
        var closedArticle = TestData.NewArticleId();
        (await moderator.PutAsJsonAsync($"/api/moderation/articles/{closedArticle}/settings", new { closed = true })).EnsureSuccessStatusCode();
        var reviewedArticle = TestData.NewArticleId();
        (await moderator.PutAsJsonAsync($"/api/moderation/articles/{reviewedArticle}/settings", new { preModeration = true, slowModeSeconds = 90 })).EnsureSuccessStatusCode();

        var closed = await OpenDemoAsync(closedArticle);
        await Assertions.Expect(closed.Locator(".cm-notice")).ToHaveTextAsync("Comments on this article are closed by the moderators.");
        await Assertions.Expect(closed.Locator(".cm-compose")).ToContainTextAsync("New comments and replies are not taken on this article.");
        await Assertions.Expect(closed.GetByLabel("Join the discussion")).ToHaveCountAsync(0);

        var reviewed = await OpenDemoAsync(reviewedArticle);
        await Assertions.Expect(reviewed.Locator(".cm-notice")).ToHaveTextAsync(
            "Comments on this story are being reviewed before they appear. Slow mode: one comment per reader every 90 seconds.");
        await Assertions.Expect(reviewed.GetByLabel("Join the discussion")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(reviewed, "article-reviewed-notice");
    }
}
