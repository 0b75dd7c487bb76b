using System.Net.Http.Json;
using System.Text.Json;
using Comments.Testing;
using Microsoft.Playwright;

namespace Comments.Api.Tests;

/// <summary>The embedded comment section in real Chromium, against the real API, worker, PostgreSQL and RabbitMQ.</summary>
[Collection(StackCollection.Name)]
public sealed class CommentSectionBrowserTests(CommentsStack stack, BrowserFixture chromium) : IClassFixture<BrowserFixture>
{
    private string BaseUrl => stack.Api.CreateClient().BaseAddress!.ToString().TrimEnd('/');

    private async Task<IPage> OpenDemoAsync(string articleId, string userId, string name)
    {
        var page = await chromium.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 900, Height = 1000 } });
        await page.GotoAsync($"{BaseUrl}/demo/articles/{articleId}");
        await page.FillAsync("#userId", userId);
        await page.FillAsync("#displayName", name);
        await page.ClickAsync("#dev-signin button[type=submit]");
        await Assertions.Expect(page.Locator("#dev-signin-status")).ToContainTextAsync("Signed in as");
        return page;
    }

    [Fact]
    public async Task A_reader_posts_sees_pending_then_published()
    {
        var articleId = TestData.NewArticleId();
        await stack.StopWorkerAsync();
        IPage page;
        try
        {
            page = await OpenDemoAsync(articleId, TestData.NewUserId(), "Ada Reader");
            await page.GetByLabel("Join the discussion").FillAsync("The west bank deserves its barrier too.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Post", Exact = true }).ClickAsync();
            // The 202 waits for the broker's confirm, which a loaded machine can hold past Playwright's default 5 s.
            await Assertions.Expect(page.Locator(".cm-mine .cm-comment")).ToContainTextAsync("Pending review", new() { Timeout = 30_000 });
        }
        finally
        {
            await stack.StartWorkerAsync();
        }

        await Assertions.Expect(page.Locator(".cm-list .cm-body").First).ToHaveTextAsync("The west bank deserves its barrier too.", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator(".cm-mine .cm-comment")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "comment-section");
    }

    [Fact]
    public async Task A_post_whose_answer_was_lost_is_retried_with_the_same_key_and_stored_once()
    {
        const string text = "Posted while the line was bad.";
        var articleId = TestData.NewArticleId();
        var page = await OpenDemoAsync(articleId, TestData.NewUserId(), "Ada Reader");
        var keys = new List<string?>();
        // The first attempt really reaches the API and is accepted, but the page is told 503 (the answer was lost).
        await page.RouteAsync("**/api/articles/**", async route =>
        {
            if (route.Request.Method != "POST")
            {
                await route.ContinueAsync();
                return;
            }
            keys.Add(route.Request.Headers.GetValueOrDefault("idempotency-key"));
            if (keys.Count > 1)
            {
                await route.ContinueAsync();
                return;
            }
            await route.FetchAsync();
            await route.FulfillAsync(new RouteFulfillOptions
            {
                Status = 503,
                Headers = new Dictionary<string, string> { ["Retry-After"] = "1" },
                ContentType = "application/problem+json",
                Body = JsonSerializer.Serialize(new { title = "Service unavailable", status = 503 }),
            });
        });

        await page.GetByLabel("Join the discussion").FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Post", Exact = true }).ClickAsync();

        await Assertions.Expect(page.Locator(".cm-list .cm-body").First).ToHaveTextAsync(text, new() { Timeout = 30_000 });
        Assert.Equal(2, keys.Count);
        Assert.False(string.IsNullOrEmpty(keys[0]));
        Assert.Equal(keys[0], keys[1]);
        Assert.Equal(1, await TestData.StoredCommentCountAsync(articleId));
        Assert.Equal(1, await page.Locator(".cm-list .cm-body").CountAsync());
    }

    [Fact]
    public async Task Markup_in_a_comment_is_shown_as_text_and_runs_nothing()
    {
        const string hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>";
        var articleId = TestData.NewArticleId();
        var author = stack.Api.CreateClientFor(TestData.NewUserId());
        var id = await author.PostAcceptedCommentAsync(articleId, hostile);
        var decided = await Eventually.Until(() => author.GetCommentAsync(id), c => c?.GetProperty("status").GetString() != "pending",
            what: "the hostile comment to be decided");
        if (decided!.Value.GetProperty("status").GetString() != "approved")
        {
            var moderator = stack.Api.CreateClientFor(TestData.NewUserId("moderator"), "M", "moderator");
            var history = await moderator.GetFromJsonAsync<JsonElement>($"/api/moderation/comments/{id}/history", TestData.Json);
            await moderator.PostAsJsonAsync($"/api/moderation/comments/{id}/decision", new { action = "approve", version = history.GetProperty("version").GetUInt32() });
        }

        var page = await chromium.Browser.NewPageAsync();
        var dialogs = 0;
        page.Dialog += async (_, dialog) => { dialogs++; await dialog.DismissAsync(); };
        await page.GotoAsync($"{BaseUrl}/demo/articles/{articleId}");

        await Assertions.Expect(page.Locator(".cm-list .cm-body")).ToHaveTextAsync(hostile);
        Assert.Equal(0, await page.Locator(".cm-list img, .cm-list script").CountAsync());
        Assert.Equal(0, dialogs);
        var response = await page.GotoAsync($"{BaseUrl}/demo/articles/{articleId}");
        Assert.Contains("script-src 'self'", (await response!.AllHeadersAsync())["content-security-policy"]);
    }

    [Fact]
    public async Task The_footer_help_form_gives_a_reference_and_later_shows_the_reply()
    {
        var page = await OpenDemoAsync(TestData.NewArticleId(), TestData.NewUserId(), "Ada Reader");

        await page.GetByRole(AriaRole.Button, new() { Name = "Please let us know if you're having issues with commenting." }).ClickAsync();
        await page.GetByLabel("What is the problem?").FillAsync("The post button does nothing on my tablet.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".cm-help-result")).ToContainTextAsync("Your reference is HR-");
        var reference = (await page.Locator(".cm-help-result").TextContentAsync())!.Split("reference is ")[1].TrimEnd('.');

        var support = stack.Api.CreateClientFor(TestData.NewUserId("support"), "S", "support");
        var request = await Eventually.Until(async () => (await support.GetFromJsonAsync<JsonElement>("/api/support/help-requests?limit=100", TestData.Json))
            .GetProperty("items").EnumerateArray().FirstOrDefault(r => r.GetProperty("reference").GetString() == reference), r => r.ValueKind == JsonValueKind.Object,
            what: $"help request {reference} in the support queue");
        await support.PostAsJsonAsync($"/api/support/help-requests/{request.GetProperty("id").GetGuid()}/replies", new { body = "Please try reloading the page once." });

        await page.GetByRole(AriaRole.Button, new() { Name = "Refresh", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".cm-requests")).ToContainTextAsync("Please try reloading the page once.");
        await Assertions.Expect(page.Locator(".cm-requests")).ToContainTextAsync($"{reference}: open");
    }
}
