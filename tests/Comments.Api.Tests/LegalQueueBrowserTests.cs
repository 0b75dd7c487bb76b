using Comments.Storage;
using Comments.Storage.Comments;
using Comments.Storage.Legal;
using Comments.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Comments.Api.Tests;

/// <summary>Issue 21, article 16 in real Chromium: a moderator works the legal queue page from the keyboard.</summary>
[Collection(StackCollection.Name)]
public sealed class LegalQueueBrowserTests(CommentsStack stack, BrowserFixture chromium) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_moderator_removes_an_overdue_notices_comment_with_the_keyboard()
    {
        var site = $"legal-ui-{Guid.NewGuid():N}"[..20];
        var commentId = await LegalNoticeTests.SeedCommentAsync(siteId: site);
        var now = DateTimeOffset.UtcNow;
        var reference = References.New("LN");
        await using (var db = TestServices.CreateDbContext())
        {
            db.LegalNotices.Add(new LegalNotice
            {
                Id = Guid.CreateVersion7(), Reference = reference, SiteId = site, CommentId = commentId, Category = "hate_speech",
                Explanation = LegalNoticeTests.Explanation, NotifierName = "Nora", NotifierEmail = LegalNoticeTests.NewEmail(), GoodFaith = true,
                ReceivedAt = now.AddDays(-2), DueAt = now.AddDays(-1),
            });
            await db.SaveChangesAsync();
        }
        var page = await chromium.Browser.NewPageAsync();
        await page.GotoAsync($"{stack.Api.CreateClient().BaseAddress!.ToString().TrimEnd('/')}/legal?site={site}");
        await ConsoleBrowserTests.SignInAsync(page, TestData.NewUserId("moderator"));
        await Assertions.Expect(page.Locator("#item h2")).ToContainTextAsync(reference);
        await Assertions.Expect(page.Locator("#item h2 .overdue")).ToHaveTextAsync("overdue");

        await page.Locator("body").ClickAsync(new() { Position = new Position { X = 5, Y = 5 } });
        await page.Keyboard.PressAsync("1");
        await Assertions.Expect(page.Locator("#reason")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Incitement to violence against a group.");
        await page.Keyboard.PressAsync("Control+Enter");

        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync($"{reference}: removed");
        await using var check = TestServices.CreateDbContext();
        Assert.Equal(NoticeOutcome.Removed, (await check.LegalNotices.SingleAsync(n => n.Reference == reference)).Outcome);
        Assert.Equal(CommentStatus.Rejected, (await check.Comments.SingleAsync(c => c.Id == commentId)).Status);
    }
}
