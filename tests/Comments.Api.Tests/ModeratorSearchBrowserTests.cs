using Comments.Storage.Comments;
using Comments.Testing;
using Microsoft.Playwright;

namespace Comments.Api.Tests;

/// <summary>The moderator console's search box in real Chromium, with the keyboard only.</summary>
[Collection(StackCollection.Name)]
public sealed class ModeratorSearchBrowserTests(BrowserFixture chromium) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_moderator_searches_with_the_keyboard_pages_on_and_decides_a_result()
    {
        var site = $"find-{Guid.NewGuid():N}"[..16];
        await using var api = new ApiFactory(new Dictionary<string, string?> { ["Comments:SiteId"] = site });
        var baseUrl = api.CreateClient().BaseAddress!.ToString().TrimEnd('/');
        var word = $"zq{Guid.NewGuid():N}"[..12];
        var start = DateTimeOffset.UtcNow.AddHours(-2);
        await using (var db = TestServices.CreateDbContext())
        {
            // 23 matches: a first page of 20 and 3 more. The newest is held, for the decision.
            db.Comments.AddRange(Enumerable.Range(0, 23).Select(n => new Comment
            {
                Id = Guid.NewGuid(), SiteId = site, ArticleId = "search-ui", AuthorId = $"reader-{n}", AuthorName = $"Reader {n}",
                Body = $"Comment {n} about the {word} plans.", Status = n == 22 ? CommentStatus.Held : CommentStatus.Approved,
                CreatedAt = start.AddMinutes(n), UpdatedAt = start.AddMinutes(n),
            }));
            await db.SaveChangesAsync();
        }

        var page = await chromium.Browser.NewPageAsync();
        await page.GotoAsync($"{baseUrl}/moderate");
        await page.FillAsync("#staff-user", TestData.NewUserId("moderator"));
        await page.ClickAsync(".signin button[type=submit]");
        await Assertions.Expect(page.Locator("#staff-status")).ToHaveTextAsync("Signed in");

        await page.GetByLabel("Text or comment id").FillAsync(word);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("20 found; more with More results.");
        await Assertions.Expect(page.Locator("#item .body")).ToHaveTextAsync($"Comment 22 about the {word} plans.");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Search comments" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "moderator-search");

        await page.Locator("#search-more").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("23 found.");
        await Assertions.Expect(page.Locator("#list .item-link")).ToHaveCountAsync(23);
        await Assertions.Expect(page.Locator("#list .item-link").Nth(20)).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#search-more")).ToHaveCountAsync(0);

        await page.GetByLabel("Status").SelectOptionAsync("held");
        await page.GetByLabel("Text or comment id").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("1 found.");
        await page.Locator("body").ClickAsync(new() { Position = new Position { X = 5, Y = 5 } });
        await page.Keyboard.PressAsync("a");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("0 found.");
        await Assertions.Expect(page.Locator("#item")).ToHaveTextAsync("No comment matches this search.");
    }
}
