using System.Net.Http.Json;
using System.Text.Json;
using Comments.Storage.Articles;
using Comments.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Comments.Api.Tests;

/// <summary>The moderator console's articles view in real Chromium (issue 19): state, settings, and an article under attack.</summary>
[Collection(StackCollection.Name)]
public sealed class ArticlesConsoleBrowserTests(BrowserFixture chromium) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_moderator_sees_the_article_under_attack_ends_its_protection_and_closes_another_article()
    {
        var site = $"arts-{Guid.NewGuid():N}"[..16];
        await using var api = new ApiFactory(new Dictionary<string, string?> { ["Comments:SiteId"] = site });
        var baseUrl = api.CreateClient().BaseAddress!.ToString().TrimEnd('/');
        var reader = api.CreateClientFor(TestData.NewUserId(), "Ada Reader");
        var quiet = TestData.NewArticleId();
        var attacked = TestData.NewArticleId();
        await reader.WaitForStatusAsync(await reader.PostAcceptedCommentAsync(quiet, "A quiet remark on the weather story."), "approved");
        await using (var db = TestServices.CreateDbContext())
        {
            // The watch's own test (BrigadeTests) makes a real one; here the console only has to show it.
            var now = DateTimeOffset.UtcNow;
            db.ArticleProtections.Add(new ArticleProtection
            {
                Id = Guid.CreateVersion7(), SiteId = site, ArticleId = attacked, Mode = ArticleProtectionMode.PreModeration,
                StartedAt = now, Until = now.AddHours(1), SignalsJson = "{}",
            });
            await db.SaveChangesAsync();
        }

        var page = await chromium.Browser.NewPageAsync();
        await page.GotoAsync($"{baseUrl}/moderate?site={site}");
        await page.FillAsync("#staff-user", TestData.NewUserId("moderator"));
        await page.ClickAsync(".signin button[type=submit]");
        var articlesButton = page.GetByRole(AriaRole.Button, new() { Name = "articles (1 under attack)" });
        await Assertions.Expect(articlesButton).ToBeVisibleAsync();
        await articlesButton.ClickAsync();
        var attackedRow = page.Locator($"tr[data-article='{attacked}']");
        await Assertions.Expect(attackedRow.Locator(".attack-badge")).ToContainTextAsync("Under attack: pre moderation");
        await BrowserFixture.ScreenshotAsync(page, "moderator-articles");

        await attackedRow.GetByRole(AriaRole.Button, new() { Name = $"End protection: {attacked}" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync($"Protection of {attacked} ended.");
        await Assertions.Expect(page.Locator($"tr[data-article='{attacked}'] .attack-badge")).ToHaveCountAsync(0);

        await page.GetByLabel($"Closed: {quiet}").CheckAsync();
        await page.Locator($"tr[data-article='{quiet}']").GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync($"Settings of {quiet} saved.");
        var stats = await api.CreateClient().GetFromJsonAsync<JsonElement>($"/api/articles/{quiet}/stats", TestData.Json);
        Assert.True(stats.GetProperty("closed").GetBoolean());
        await Assertions.Expect(page.Locator($"tr[data-article='{quiet}'] td").First).ToHaveTextAsync("closed (by a moderator)");
        await using (var db = TestServices.CreateDbContext())
        {
            Assert.NotNull((await db.ArticleProtections.AsNoTracking().SingleAsync(p => p.ArticleId == attacked)).EndedAt);
        }
    }
}
