using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comments.Testing;
using Microsoft.Playwright;

namespace Comments.Api.Tests;

/// <summary>
/// axe-core on every view of the moderator console and the support console, signed in and with content present: held,
/// reported, rejected and approved comments, an open help request with its thread (the embed: <see cref="EmbedAccessibilityTests"/>).
/// </summary>
[Collection(StackCollection.Name)]
public sealed class ConsoleAccessibilityTests(CommentsStack stack, BrowserFixture chromium) : IClassFixture<BrowserFixture>
{
    private static readonly string[] Queues = ["pending", "reported", "unmoderated", "rejected", "approved"];
    private static readonly string[] Panels = ["articles", "settings", "wordlists", "examples", "audit", "stats"];

    private static async Task DecideAsync(HttpClient moderator, Guid id, string action, string? reason = null)
    {
        var history = await moderator.GetFromJsonAsync<JsonElement>($"/api/moderation/comments/{id}/history", TestData.Json);
        var decision = await moderator.PostAsJsonAsync($"/api/moderation/comments/{id}/decision",
            new { action, reason, version = history.GetProperty("version").GetUInt32() });
        Assert.Equal(HttpStatusCode.OK, decision.StatusCode);
    }

    [Fact]
    public async Task Every_view_of_the_moderator_console_has_no_serious_violations()
    {
        var site = $"a11y-{Guid.NewGuid():N}"[..16];
        await using var api = new ApiFactory(new Dictionary<string, string?> { ["Comments:SiteId"] = site });
        var baseUrl = api.CreateClient().BaseAddress!.ToString().TrimEnd('/');
        var moderator = api.CreateClientFor(TestData.NewUserId("moderator"), "Mo", "moderator");
        var author = api.CreateClientFor(TestData.NewUserId(), "Ada Reader");
        var articleId = TestData.NewArticleId();
        var held = await author.PostAcceptedCommentAsync(articleId, "The mayor talks utter bullshit about the flood money.");
        var reported = await author.PostAcceptedCommentAsync(articleId, "The pumps ran all night; the engineers earned their pay.");
        var rejected = await author.PostAcceptedCommentAsync(articleId, "The west bank has waited ten years for its share.");
        await author.WaitForStatusAsync(held, "held");
        await author.WaitForStatusAsync(reported, "approved");
        await author.WaitForStatusAsync(rejected, "approved");
        var report = await api.CreateClientFor(TestData.NewUserId()).PostAsJsonAsync($"/api/comments/{reported}/reports", new { reason = "off_topic", details = "Not about the flood." });
        Assert.Equal(HttpStatusCode.Created, report.StatusCode);
        await DecideAsync(moderator, rejected, "reject", "OFF_TOPIC");
        await Eventually.Until(() => moderator.GetFromJsonAsync<JsonElement>($"/api/moderation/queues/reported?siteId={site}", TestData.Json),
            q => q.GetProperty("items").GetArrayLength() == 1, what: "the reported comment in the reported queue");

        var page = await chromium.Browser.NewPageAsync();
        await page.GotoAsync($"{baseUrl}/moderate?site={site}");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "moderator console: signed out");
        await ConsoleBrowserTests.SignInAsync(page, TestData.NewUserId("moderator"));
        await Assertions.Expect(page.Locator("#item mark")).ToHaveTextAsync("bullshit");
        await Assertions.Expect(page.Locator("#status")).Not.ToHaveTextAsync("Sign in to start.");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "moderator console: pending queue with a held comment");

        await page.GetByRole(AriaRole.Button, new() { Name = "Reject (r)" }).ClickAsync();
        await Assertions.Expect(page.Locator("#reason")).ToBeFocusedAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "moderator console: reject with a reason");

        await page.GetByRole(AriaRole.Button, new() { Name = "Author (u)" }).ClickAsync();
        await Assertions.Expect(page.Locator("#author h2")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "moderator console: the author's record");

        foreach (var queue in Queues.Skip(1))
        {
            await page.Locator($"#tabs button[data-queue={queue}]").ClickAsync();
            await Assertions.Expect(page.Locator($"#tabs button[data-queue={queue}]")).ToHaveAttributeAsync("aria-current", "true");
            await Assertions.Expect(page.Locator("#item h2, #item p").First).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolationsAsync(page, $"moderator console: {queue} queue");
        }

        foreach (var panel in Panels)
        {
            await page.Locator($"#tabs button[data-panel={panel}]").ClickAsync();
            await Assertions.Expect(page.Locator("#item h2")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator($"#tabs button[data-panel={panel}]")).ToHaveAttributeAsync("aria-current", "true");
            await Accessibility.AssertNoSeriousViolationsAsync(page, $"moderator console: {panel}");
        }
    }

    [Fact]
    public async Task The_moderator_console_is_worked_with_the_keyboard_alone()
    {
        var site = $"a11y-{Guid.NewGuid():N}"[..16];
        await using var api = new ApiFactory(new Dictionary<string, string?> { ["Comments:SiteId"] = site });
        var baseUrl = api.CreateClient().BaseAddress!.ToString().TrimEnd('/');
        var author = api.CreateClientFor(TestData.NewUserId(), "Ada Reader");
        var id = await author.PostAcceptedCommentAsync(TestData.NewArticleId(), "What bullshit from the water board.");
        await author.WaitForStatusAsync(id, "held");

        var page = await chromium.Browser.NewPageAsync();
        await page.GotoAsync($"{baseUrl}/moderate?site={site}");
        await page.FocusAsync("#staff-user");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#item mark")).ToHaveTextAsync("bullshit");

        // Tab from the sign-in bar to the author button, then Enter: no shortcut key needed.
        await TabUntilFocusedAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Author (u)" }), "the Author (u) button");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#author h2")).ToBeVisibleAsync();

        // The queue filter redraws the list it sits in: the checkbox keeps the focus.
        await page.FocusAsync("#under-attack-filter");
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.Locator("#list .item-link")).ToHaveCountAsync(0); // redrawn: no article here is under attack
        await Assertions.Expect(page.Locator("#under-attack-filter")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#under-attack-filter")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.Locator("#list .item-link")).ToHaveCountAsync(1);

        var approve = page.GetByRole(AriaRole.Button, new() { Name = "Approve (a)" });
        await approve.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("Approved.");
        // The pressed button is gone with the decided comment: focus moves to the next item, not back to the top of the page.
        await Assertions.Expect(page.Locator("#item")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#item")).ToContainTextAsync("Nothing to review in this queue.");
    }

    /// <summary>Presses Tab until the locator has focus, at most three times per focusable element (a date field takes one Tab per part).</summary>
    internal static async Task TabUntilFocusedAsync(IPage page, ILocator target, string what)
    {
        var focusable = 3 * await page.Locator("button, input, select, textarea, a[href]").CountAsync();
        for (var presses = 0; presses <= focusable; presses++)
        {
            if (await target.EvaluateAsync<bool>("node => node === document.activeElement"))
            {
                return;
            }
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Fail($"Tab never reached {what} in {focusable + 1} presses");
    }

    [Fact]
    public async Task The_support_console_list_and_a_request_thread_have_no_serious_violations()
    {
        var baseUrl = stack.Api.CreateClient().BaseAddress!.ToString().TrimEnd('/');
        var reader = stack.Api.CreateClientFor(TestData.NewUserId());
        var comment = await reader.PostAcceptedCommentAsync(TestData.NewArticleId(), "What bullshit from the water board.");
        await reader.WaitForStatusAsync(comment, "held");
        var accepted = await (await reader.PostAsJsonAsync("/api/help-requests", new { commentId = comment, message = "My comment never appeared under the article." }))
            .Content.ReadFromJsonAsync<JsonElement>(TestData.Json);
        var requestId = accepted.GetProperty("id").GetGuid();
        var support = stack.Api.CreateClientFor(TestData.NewUserId("support"), "S", "support");
        await support.WaitForTriagedAsync(requestId);
        var reply = await support.PostAsJsonAsync($"/api/support/help-requests/{requestId}/replies", new { body = "We are looking at it." });
        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);

        var page = await chromium.Browser.NewPageAsync();
        await page.GotoAsync($"{baseUrl}/support");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "support console: signed out");
        await ConsoleBrowserTests.SignInAsync(page, TestData.NewUserId("support"));
        await Assertions.Expect(page.Locator($".request-link[data-id='{requestId}']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#status")).Not.ToHaveTextAsync("Sign in to start.");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "support console: triage queue");

        await page.Locator($".request-link[data-id='{requestId}']").ClickAsync();
        await Assertions.Expect(page.Locator(".thread")).ToContainTextAsync("We are looking at it.");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "support console: a request's thread");

        await page.GetByLabel("Reply", new() { Exact = true }).FillAsync("Thanks for waiting: it is back.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Reply", Exact = true }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".thread")).ToContainTextAsync("Thanks for waiting: it is back.");
        await Assertions.Expect(page.Locator("#request")).ToBeFocusedAsync();
    }
}
