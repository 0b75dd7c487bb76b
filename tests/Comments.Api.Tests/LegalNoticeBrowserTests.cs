using Comments.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Comments.Api.Tests;

/// <summary>Issue 21, article 16 in real Chromium: an anonymous visitor sends a notice from the embed with the keyboard alone.</summary>
[Collection(StackCollection.Name)]
public sealed class LegalNoticeBrowserTests(CommentsStack stack, BrowserFixture chromium) : IClassFixture<BrowserFixture>
{
    private string BaseUrl => stack.Api.CreateClient().BaseAddress!.ToString().TrimEnd('/');

    [Fact]
    public async Task An_anonymous_visitor_reports_illegal_content_from_the_keyboard_and_sees_the_reference()
    {
        var commentId = await LegalNoticeTests.SeedCommentAsync();
        await using var seeded = TestServices.CreateDbContext();
        var articleId = await seeded.Comments.Where(c => c.Id == commentId).Select(c => c.ArticleId).SingleAsync();
        var email = LegalNoticeTests.NewEmail();
        var page = await chromium.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 900, Height = 1000 } });
        await page.GotoAsync($"{BaseUrl}/demo/articles/{articleId}");

        var open = page.GetByRole(AriaRole.Button, new() { Name = "Report illegal content" });
        await open.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var form = page.GetByRole(AriaRole.Form, new() { Name = "Report illegal content" });
        await Assertions.Expect(form.GetByLabel("Legal ground")).ToBeFocusedAsync();
        await form.GetByLabel("Legal ground").SelectOptionAsync("defamation");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(LegalNoticeTests.Explanation);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Nora Notifier");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(email);
        await form.GetByLabel("I confirm in good faith").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await form.GetByRole(AriaRole.Button, new() { Name = "Send notice" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator(".cm-notice-result")).ToContainTextAsync("LN-", new() { Timeout = 15_000 });
        await using var db = TestServices.CreateDbContext();
        var notice = await db.LegalNotices.SingleAsync(n => n.CommentId == commentId);
        Assert.Equal(("defamation", email, "Nora Notifier"), (notice.Category, notice.NotifierEmail, notice.NotifierName));
        await Assertions.Expect(page.Locator(".cm-notice-result")).ToContainTextAsync(notice.Reference);
    }
}
