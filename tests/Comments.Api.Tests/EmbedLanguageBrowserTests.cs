using System.Text.RegularExpressions;
using Comments.Testing;
using Microsoft.Playwright;

namespace Comments.Api.Tests;

/// <summary>Issue 20, "In the reader's language": the embed with <c>data-lang="de"</c> in real Chromium against the real services.</summary>
[Collection(StackCollection.Name)]
public sealed class EmbedLanguageBrowserTests(CommentsStack stack, BrowserFixture chromium) : IClassFixture<BrowserFixture>
{
    private string BaseUrl => stack.Api.CreateClient().BaseAddress!.ToString().TrimEnd('/');

    [Fact]
    public async Task A_german_reader_sees_german_labels_posts_and_is_told_in_german()
    {
        var articleId = TestData.NewArticleId();
        var page = await chromium.Browser.NewPageAsync();
        var languages = new List<string?>();
        page.Request += (_, request) =>
        {
            // The live stream's EventSource cannot send headers: it says the language in its query instead.
            if (request.Url.Contains("/events?", StringComparison.Ordinal)) languages.Add(new Uri(request.Url).Query.Contains("lang=de") ? "de" : request.Url);
            else if (request.Url.Contains("/api/", StringComparison.Ordinal)) languages.Add(request.Headers.GetValueOrDefault("accept-language"));
        };
        await page.GotoAsync($"{BaseUrl}/demo/articles/{articleId}?lang=de");

        await Assertions.Expect(page.Locator(".cm h2")).ToHaveTextAsync("Kommentare");
        await Assertions.Expect(page.Locator("section.cm")).ToHaveAttributeAsync("lang", "de");
        await Assertions.Expect(page.Locator(".cm-compose")).ToHaveTextAsync("Melden Sie sich an, um mitzudiskutieren.");
        await Assertions.Expect(page.GetByLabel("Kommentare sortieren")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Bitte sagen Sie uns Bescheid, wenn beim Kommentieren etwas nicht klappt." })).ToBeVisibleAsync();

        await page.FillAsync("#userId", TestData.NewUserId());
        await page.FillAsync("#displayName", "Anna Leserin");
        await page.ClickAsync("#dev-signin button[type=submit]");
        await Assertions.Expect(page.Locator("#dev-signin-status")).ToContainTextAsync("Signed in as");
        await page.GetByLabel("Diskutieren Sie mit").FillAsync("Der Damm hat gehalten, danke an alle, die die Nacht durchgearbeitet haben.");
        var post = page.GetByRole(AriaRole.Button, new() { Name = "Senden", Exact = true });
        await post.ClickAsync();
        // The English classifier reads German as possibly disrespectful: the nudge (with the API's reason) comes in German.
        await Assertions.Expect(page.Locator(".cm-nudge")).ToHaveTextAsync(new Regex("^Bevor Sie senden: .+\\. Senden Sie trotzdem oder überarbeiten Sie den Text\\.$"));
        await post.ClickAsync();

        await Assertions.Expect(page.Locator(".cm-status")).ToHaveTextAsync(new Regex(
            "^(Danke: Ihr Kommentar wartet auf Prüfung\\.|Ihr Kommentar ist veröffentlicht\\.|zur Prüfung zurückgehalten: .+)$"));
        await Assertions.Expect(page.Locator(".cm-status")).ToHaveTextAsync(new Regex("^(Ihr Kommentar ist veröffentlicht\\.|zur Prüfung zurückgehalten: .+)$"),
            new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator(".cm-comment .cm-body").First).ToHaveTextAsync("Der Damm hat gehalten, danke an alle, die die Nacht durchgearbeitet haben.");
        Assert.NotEmpty(languages);
        Assert.All(languages, language => Assert.Equal("de", language));
    }
}
