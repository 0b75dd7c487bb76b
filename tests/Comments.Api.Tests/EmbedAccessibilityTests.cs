using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Comments.Testing;
using Microsoft.Playwright;

namespace Comments.Api.Tests;

/// <summary>
/// Issue 20, "Accessible to every reader": axe-core on the reader embed in each of its states, in every language of the
/// catalogue, and the embed worked with the keyboard alone.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class EmbedAccessibilityTests(CommentsStack stack, BrowserFixture chromium) : IClassFixture<BrowserFixture>
{
    private const string Published = "The pumps ran all night; the engineers earned their pay.";
    private static readonly string[] Replies =
        ["They did, and the council should say so.", "My street stayed dry for the first time in years.", "Someone should thank the pump crews in person."];

    /// <summary>The page under test, its article, the reader who signs in, and the catalogue's sentences in the page's language.</summary>
    private sealed record EmbedSession(IPage Page, string Language, string ArticleId, string ReaderId, ApiFactory Api)
    {
        public string Text(string key) => ReaderTextOf.Get(Language, key);

        public ILocator Button(string key) => Page.GetByRole(AriaRole.Button, new() { Name = Text(key), Exact = true });
    }

    /// <summary>A state of the embed and how to reach it from the one before; a new state (the bell, say) goes into the list.</summary>
    private sealed record EmbedState(string Name, Func<EmbedSession, Task> EnterAsync);

    private static readonly EmbedState[] States =
    [
        new("signed out, with a thread (its first replies)", async s =>
            await Assertions.Expect(s.Page.Locator(".cm-list .cm-replies .cm-body")).ToHaveTextAsync(Replies[..2])),
        new("a thread with all its replies shown", async s =>
        {
            await s.Page.GetByRole(AriaRole.Button, new() { Name = s.Text("embed.replies.show_all").Replace("{count}", "3") }).ClickAsync();
            await Assertions.Expect(s.Page.Locator(".cm-list .cm-replies .cm-body")).ToHaveTextAsync(Replies);
        }),
        new("signed in, with a held comment of one's own", async s =>
        {
            await s.Page.FillAsync("#userId", s.ReaderId);
            await s.Page.ClickAsync("#dev-signin button[type=submit]");
            await Assertions.Expect(s.Page.Locator(".cm-mine .cm-reason")).ToBeVisibleAsync();
            await Assertions.Expect(s.Page.GetByLabel(s.Text("embed.form.new"))).ToBeVisibleAsync();
        }),
        new("reply and report forms open", async s =>
        {
            await s.Button("embed.reply.button").First.ClickAsync();
            await Assertions.Expect(s.Page.GetByLabel(s.Text("embed.form.reply"))).ToBeFocusedAsync();
            await s.Button("embed.report.button").First.ClickAsync();
            await Assertions.Expect(s.Page.GetByLabel(s.Text("embed.report.label"))).ToBeFocusedAsync();
        }),
        new("the help form open", async s =>
        {
            await Assertions.Expect(s.Button("embed.help.link")).ToHaveAttributeAsync("aria-expanded", "false");
            await s.Button("embed.help.link").ClickAsync();
            await Assertions.Expect(s.Page.GetByLabel(s.Text("embed.help.topic"), new() { Exact = true })).ToBeFocusedAsync();
            await Assertions.Expect(s.Button("embed.help.link")).ToHaveAttributeAsync("aria-expanded", "true");
        }),
        new("the help form sent, with the reader's requests", async s =>
        {
            await s.Page.GetByLabel(s.Text("embed.help.message")).FillAsync("My comment about the mayor never appeared.");
            await s.Button("embed.help.send").ClickAsync();
            await Assertions.Expect(s.Page.Locator(".cm-help-result")).ToContainTextAsync("HR-");
            await Assertions.Expect(s.Page.Locator(".cm-requests")).ToBeVisibleAsync();
        }),
        new("the notifications open, with the mail settings", async s =>
        {
            await s.Page.Locator(".cm-bell").ClickAsync();
            await Assertions.Expect(s.Page.GetByRole(AriaRole.Region, new() { Name = s.Text("embed.notifications.region") })).ToBeVisibleAsync();
            await Assertions.Expect(s.Page.GetByLabel(s.Text("embed.preferences.email"))).ToBeEnabledAsync();
        }),
        new("a closed article, signed in", async s =>
        {
            var moderator = s.Api.CreateClientFor(TestData.NewUserId("moderator"), "Mo", "moderator");
            var closed = await moderator.PutAsJsonAsync($"/api/moderation/articles/{s.ArticleId}/settings?siteId=default", new { closed = true });
            Assert.Equal(System.Net.HttpStatusCode.OK, closed.StatusCode);
            await s.Page.ReloadAsync();
            await Assertions.Expect(s.Page.Locator(".cm-notice")).ToHaveTextAsync(s.Text("embed.notice.closed"));
            await Assertions.Expect(s.Page.Locator(".cm-compose")).ToHaveTextAsync(s.Text("embed.compose.closed"));
        }),
    ];

    [Theory]
    [InlineData("en")]
    [InlineData("de")]
    public async Task Every_state_of_the_embed_has_no_serious_violations(string language)
    {
        var baseUrl = stack.Api.CreateClient().BaseAddress!.ToString().TrimEnd('/');
        var articleId = TestData.NewArticleId();
        var other = stack.Api.CreateClientFor(TestData.NewUserId(), "Ben Other");
        var published = await other.PostAcceptedCommentAsync(articleId, Published);
        await other.WaitForStatusAsync(published, "approved");
        foreach (var text in Replies)
        {
            var replier = stack.Api.CreateClientFor(TestData.NewUserId(), "Cy Replier");
            var reply = await (await replier.PostCommentAsync(articleId, text, published)).Content.ReadFromJsonAsync<AcceptedId>(TestData.Json);
            await replier.WaitForStatusAsync(reply!.Id, "approved");
        }
        var readerId = TestData.NewUserId();
        var reader = stack.Api.CreateClientFor(readerId, "Ada Reader");
        var held = await reader.PostAcceptedCommentAsync(articleId, "The mayor talks utter bullshit about the flood money.");
        await reader.WaitForStatusAsync(held, "held");

        var page = await chromium.Browser.NewPageAsync();
        await page.GotoAsync($"{baseUrl}/demo/articles/{articleId}?lang={language}");
        await Assertions.Expect(page.Locator(".cm-list > .cm-comment > .cm-body")).ToHaveTextAsync(Published);
        var session = new EmbedSession(page, language, articleId, readerId, stack.Api);
        foreach (var state in States)
        {
            await state.EnterAsync(session);
            await Accessibility.AssertNoSeriousViolationsAsync(page, $"reader embed ({language}): {state.Name}");
        }
    }

    private sealed record AcceptedId(Guid Id);

    [Fact]
    public async Task A_reader_posts_a_comment_and_asks_for_help_with_the_keyboard_alone()
    {
        var baseUrl = stack.Api.CreateClient().BaseAddress!.ToString().TrimEnd('/');
        var page = await chromium.Browser.NewPageAsync();
        await page.GotoAsync($"{baseUrl}/demo/articles/{TestData.NewArticleId()}");
        await page.FillAsync("#userId", TestData.NewUserId());
        await page.FocusAsync("#dev-signin button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        var textarea = page.GetByLabel("Join the discussion");
        await Assertions.Expect(textarea).ToBeVisibleAsync();

        await ConsoleAccessibilityTests.TabUntilFocusedAsync(page, textarea, "the comment box");
        await page.Keyboard.TypeAsync("The barrier held; thanks to everyone who worked the night.");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Post", Exact = true })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        // Waiting for review, or already published when the worker was quick.
        await Assertions.Expect(page.Locator(".cm-status")).ToHaveTextAsync(new Regex("^(Thanks: your comment is waiting for review\\.|Your comment is published\\.)$"));

        var help = page.GetByRole(AriaRole.Button, new() { Name = "Please let us know if you're having issues with commenting." });
        await ConsoleAccessibilityTests.TabUntilFocusedAsync(page, help, "the help link");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByLabel("Topic", new() { Exact = true })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByLabel("What is the problem?")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("The page jumps when I press Post.");
        await ConsoleAccessibilityTests.TabUntilFocusedAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }), "the Send button");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".cm-help-result")).ToContainTextAsync("Your reference is HR-");
    }
}
