using Microsoft.Playwright;

namespace Comments.Api.Tests;

/// <summary>The transparency report page in real Chromium: an admin picks the period and site with the keyboard, reads the tables, downloads the CSV.</summary>
[Collection(StackCollection.Name)]
public sealed class TransparencyBrowserTests(CommentsStack stack, BrowserFixture chromium) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_admin_sees_a_seeded_figure_in_a_table_and_downloads_the_csv()
    {
        var data = await TransparencyTestData.SeedAsync();
        var baseUrl = stack.Api.CreateClient().BaseAddress!.ToString().TrimEnd('/');
        var page = await chromium.Browser.NewPageAsync(new() { AcceptDownloads = true });
        await page.GotoAsync($"{baseUrl}/transparency?site={data.Site}");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "transparency report: signed out");
        await page.FillAsync("#staff-user", TestData.NewUserId("admin"));
        await page.ClickAsync(".signin button[type=submit]");
        await Assertions.Expect(page.Locator("#staff-status")).ToHaveTextAsync("Signed in");

        // Enter in the period form shows the report.
        await page.FillAsync("#report-from", TransparencyTestData.From);
        await page.FillAsync("#report-to", TransparencyTestData.To);
        await page.Locator("#report-to").PressAsync("Enter");
        await Assertions.Expect(page.Locator("#report h2")).ToHaveTextAsync($"Site {data.Site}, {TransparencyTestData.From} to {TransparencyTestData.To}");

        // Two hate speech notices ended in removal: a row of a real table, read through its column headers.
        var notices = page.GetByRole(AriaRole.Table, new() { Name = "Notices by category and outcome" });
        await Assertions.Expect(notices.GetByRole(AriaRole.Columnheader, new() { Name = "Category" })).ToBeVisibleAsync();
        await Assertions.Expect(notices.GetByRole(AriaRole.Row, new() { Name = "hate speech removed 2" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Notices received in the period" })
            .GetByRole(AriaRole.Row, new() { Name = "Median time to act (decided notices) 3.0 h" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Complaints received in the period" })
            .GetByRole(AriaRole.Row, new() { Name = "Reversed the decision 1" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "transparency report: a period with figures");
        await BrowserFixture.ScreenshotAsync(page, "transparency-report");

        await page.Locator("#download-csv").FocusAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.Keyboard.PressAsync("Enter"));
        Assert.Equal($"transparency-{data.Site}-{TransparencyTestData.From}-{TransparencyTestData.To}.csv", download.SuggestedFilename);
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains("notices_by_category,hate_speech,removed,2", csv);
    }
}
