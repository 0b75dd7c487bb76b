using System.Net.Http.Json;
using System.Text.Json;
using Comments.Testing;
using Microsoft.Playwright;

namespace Comments.Api.Tests;

/// <summary>The moderator and support consoles in real Chromium, against the real services.</summary>
[Collection(StackCollection.Name)]
public sealed class ConsoleBrowserTests(CommentsStack stack, BrowserFixture chromium) : IClassFixture<BrowserFixture>
{
    /// <summary>Signs in to either console with a development token for the user (the role is the console's).</summary>
    internal static async Task SignInAsync(IPage page, string userId)
    {
        await page.FillAsync("#staff-user", userId);
        await page.ClickAsync(".signin button[type=submit]");
        await Assertions.Expect(page.Locator("#staff-status")).ToHaveTextAsync("Signed in");
    }

    [Fact]
    public async Task A_moderator_rejects_a_held_comment_with_the_keyboard_and_the_reader_sees_the_reason()
    {
        var site = $"ui-{Guid.NewGuid():N}"[..16];
        await using var api = new ApiFactory(new Dictionary<string, string?> { ["Comments:SiteId"] = site });
        var baseUrl = api.CreateClient().BaseAddress!.ToString().TrimEnd('/');
        var readerId = TestData.NewUserId();
        var reader = api.CreateClientFor(readerId, "Ada Reader");
        var articleId = TestData.NewArticleId();
        var id = await reader.PostAcceptedCommentAsync(articleId, "The mayor talks utter bullshit about the flood money.");
        await reader.WaitForStatusAsync(id, "held");

        var page = await chromium.Browser.NewPageAsync();
        await page.GotoAsync($"{baseUrl}/moderate?site={site}");
        await SignInAsync(page, TestData.NewUserId("moderator"));
        await Assertions.Expect(page.Locator("#item mark")).ToHaveTextAsync("bullshit");
        await Assertions.Expect(page.Locator("#item .reasons")).ToContainTextAsync("SUSPECT_WORD");
        await BrowserFixture.ScreenshotAsync(page, "moderator-console");
        await page.Locator("body").ClickAsync(new() { Position = new Position { X = 5, Y = 5 } });
        await page.Keyboard.PressAsync("r");
        await page.SelectOptionAsync("#reason", "OFFENSIVE");
        await page.FillAsync("#explanation", "Please argue with the figures, not the person.");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("Rejected.");
        await page.GetByRole(AriaRole.Button, new() { Name = "stats", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#item svg[aria-label=Decisions] rect").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "moderator-stats");
        await page.GetByRole(AriaRole.Button, new() { Name = "settings", Exact = true }).ClickAsync();
        var json = await page.InputValueAsync("#settings-json");
        await page.FillAsync("#settings-json", json.Replace("\"preModeration\": false", "\"preModeration\": true"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("Settings saved");
        var saved = await api.CreateClientFor(TestData.NewUserId("moderator"), "M", "moderator").GetFromJsonAsync<JsonElement>($"/api/moderation/settings?siteId={site}", TestData.Json);
        Assert.True(saved.GetProperty("settings").GetProperty("preModeration").GetBoolean());
        await page.GetByRole(AriaRole.Button, new() { Name = "examples", Exact = true }).ClickAsync();
        await page.SelectOptionAsync("#examples-harm", "THREAT");
        await Assertions.Expect(page.Locator("#item")).ToContainTextAsync("starter examples");
        await page.FillAsync("#examples-text", "You will regret the day you wrote this article.\nWe know which train you take home.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save examples" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("Examples saved");
        await Assertions.Expect(page.Locator("#item")).ToContainTextAsync("This site's examples, version 1");
        var bank = await api.CreateClientFor(TestData.NewUserId("moderator"), "M", "moderator").GetFromJsonAsync<JsonElement>($"/api/moderation/examples?siteId={site}", TestData.Json);
        var threats = bank.GetProperty("harms").EnumerateArray().Single(h => h.GetProperty("harm").GetString() == "THREAT");
        Assert.Equal(["You will regret the day you wrote this article.", "We know which train you take home."], threats.GetProperty("examples").EnumerateArray().Select(e => e.GetString()));

        var readerPage = await chromium.Browser.NewPageAsync();
        await readerPage.GotoAsync($"{baseUrl}/demo/articles/{articleId}");
        await readerPage.FillAsync("#userId", readerId);
        await readerPage.ClickAsync("#dev-signin button[type=submit]");
        await Assertions.Expect(readerPage.Locator(".cm-mine .cm-reason")).ToHaveTextAsync("rejected: Please argue with the figures, not the person.");
    }

    [Fact]
    public async Task A_support_agent_sees_the_triage_note_escalates_and_the_outcome_returns()
    {
        var baseUrl = stack.Api.CreateClient().BaseAddress!.ToString().TrimEnd('/');
        var reader = stack.Api.CreateClientFor(TestData.NewUserId());
        var comment = await reader.PostAcceptedCommentAsync(TestData.NewArticleId(), "What bullshit from the water board.");
        await reader.WaitForStatusAsync(comment, "held");
        var accepted = await (await reader.PostAsJsonAsync("/api/help-requests", new { commentId = comment, message = "My comment never appeared under the article." }))
            .Content.ReadFromJsonAsync<JsonElement>(TestData.Json);
        var reference = accepted.GetProperty("reference").GetString()!;
        var requestId = accepted.GetProperty("id").GetGuid();
        var support = stack.Api.CreateClientFor(TestData.NewUserId("support"), "S", "support");
        await support.WaitForTriagedAsync(requestId);

        var page = await chromium.Browser.NewPageAsync();
        await page.GotoAsync($"{baseUrl}/support");
        await SignInAsync(page, TestData.NewUserId("support"));
        await page.Locator($".request-link[data-id='{requestId}']").ClickAsync();
        await Assertions.Expect(page.Locator(".triage")).ToContainTextAsync("Held for review since");
        await page.ClickAsync(".escalate");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("Saved.");
        await BrowserFixture.ScreenshotAsync(page, "support-console");

        var moderator = stack.Api.CreateClientFor(TestData.NewUserId("moderator"), "M", "moderator");
        var history = await moderator.GetFromJsonAsync<JsonElement>($"/api/moderation/comments/{comment}/history", TestData.Json);
        await moderator.PostAsJsonAsync($"/api/moderation/comments/{comment}/decision", new { action = "approve", version = history.GetProperty("version").GetUInt32() });

        await page.Locator($".request-link[data-id='{requestId}']").ClickAsync();
        await Assertions.Expect(page.Locator(".outcome")).ToContainTextAsync("published the comment again");
        Assert.StartsWith("HR-", reference);
    }
}
