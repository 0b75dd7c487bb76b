using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Comments.Api.Tests;

/// <summary>The embed's Featured sort and staff badges, and count.js on a host site's index page, in real Chromium.</summary>
[Collection(StackCollection.Name)]
public sealed class NewsroomBrowserTests(CommentsStack stack, BrowserFixture chromium) : IClassFixture<BrowserFixture>
{
    private string BaseUrl => stack.Api.CreateClient().BaseAddress!.ToString().TrimEnd('/');

    [Fact]
    public async Task The_featured_sort_shows_the_editors_picks_with_the_reporter_s_badge_in_words()
    {
        var articleId = TestData.NewArticleId();
        var reporter = stack.Api.CreateClientFor(TestData.NewUserId("journalist"), "Rita Reporter", "journalist");
        var pick = await reporter.PostPublishedAsync(articleId, "I wrote this story: the council's report is linked at the top.");
        await stack.Api.CreateClientFor(TestData.NewUserId()).PostPublishedAsync(articleId, "An ordinary remark that nobody featured.");
        var moderator = stack.Api.CreateClientFor(TestData.NewUserId("moderator"), "Mo Derator", "moderator");
        Assert.Equal(HttpStatusCode.OK, (await moderator.FeatureAsync(pick)).StatusCode);

        var page = await chromium.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 900, Height = 1000 } });
        await page.GotoAsync($"{BaseUrl}/demo/articles/{articleId}");
        await Assertions.Expect(page.Locator(".cm-list .cm-comment")).ToHaveCountAsync(2, new() { Timeout = 30_000 });

        await page.GetByLabel("Sort comments").SelectOptionAsync("featured");

        var comments = page.Locator(".cm-list .cm-comment");
        await Assertions.Expect(comments).ToHaveCountAsync(1);
        await Assertions.Expect(comments.Locator(".cm-body")).ToHaveTextAsync("I wrote this story: the council's report is linked at the top.");
        await Assertions.Expect(comments.Locator(".cm-author-badge")).ToHaveTextAsync("Journalist");
        await Assertions.Expect(comments.Locator(".cm-featured")).ToHaveTextAsync("Editors' pick");
        await BrowserFixture.ScreenshotAsync(page, "editors-picks");

        await page.GetByLabel("Sort comments").SelectOptionAsync("best");
        await Assertions.Expect(page.Locator(".cm-list .cm-comment")).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task Count_js_fills_every_count_on_a_host_index_page_with_one_request()
    {
        var busy = TestData.NewArticleId();
        var single = TestData.NewArticleId();
        var empty = TestData.NewArticleId();
        var reader = stack.Api.CreateClientFor(TestData.NewUserId());
        await reader.PostPublishedAsync(busy, "First on the busy story.");
        await reader.PostPublishedAsync(busy, "Second on the busy story.");
        await reader.PostPublishedAsync(single, "The only one on this story.");

        var page = await chromium.Browser.NewPageAsync();
        var requests = new List<string>();
        page.Request += (_, request) => { if (request.Url.Contains("/api/articles/counts")) requests.Add(request.Url); };
        var console = new List<string>();
        page.Console += (_, message) => console.Add(message.Text);
        // A news site's index page, served over real HTTP from an origin of its own, which includes count.js from the
        // comments host. (Served for real: on a page Playwright made up, count.js never filled a count.)
        await using var host = await HostPageAsync($"""
            <!doctype html><html lang="en"><head><title>Index</title></head><body>
            <ul>
              <li>Busy story <span data-comments-count="{busy}">Comments</span></li>
              <li>Quiet story <span data-comments-count="{single}">Comments</span></li>
              <li>New story <span data-comments-count="{empty}">Comments</span></li>
              <li>Busy again <span id="again" data-comments-count="{busy}">Comments</span></li>
            </ul>
            <script src="{BaseUrl}/count.js" defer></script>
            </body></html>
            """);

        await page.GotoAsync(host.Urls.Single());

        try
        {
            await Assertions.Expect(page.Locator($"[data-comments-count='{single}']")).ToHaveTextAsync("1 comment");
        }
        catch (PlaywrightException exception)
        {
            throw new Xunit.Sdk.XunitException($"count.js did not fill the count; browser console: {string.Join(" | ", console)}; {exception.Message}");
        }
        await Assertions.Expect(page.Locator($"[data-comments-count='{busy}']").First).ToHaveTextAsync("2 comments");
        await Assertions.Expect(page.Locator("#again")).ToHaveTextAsync("2 comments");
        await Assertions.Expect(page.Locator($"[data-comments-count='{empty}']")).ToHaveTextAsync("0 comments");
        var request = Assert.Single(requests);
        Assert.Equal(3, Uri.UnescapeDataString(request.Split("ids=")[1]).Split(',').Length);
    }

    /// <summary>A one-page web site on a free loopback port.</summary>
    private static async Task<WebApplication> HostPageAsync(string html)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/", () => Results.Content(html, "text/html; charset=utf-8"));
        await app.StartAsync();
        return app;
    }
}
