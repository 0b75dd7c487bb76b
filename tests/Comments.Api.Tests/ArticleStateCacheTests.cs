using System.Net;
using System.Net.Http.Json;
using Comments.Storage.Articles;
using Comments.Testing;

namespace Comments.Api.Tests;

/// <summary>
/// Issue 22: each API instance keeps an article's settings for its posts, and drops them when any instance (or the
/// worker) changes them; a change it did not hear of applies after the cache's lifetime.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class ArticleStateCacheTests
{
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task An_article_closed_on_one_instance_is_refused_on_another_within_a_second()
    {
        var siteId = $"states-{Guid.NewGuid():N}"[..20];
        await using var first = new ApiFactory(new Dictionary<string, string?> { ["Comments:SiteId"] = siteId });
        // A lifetime far beyond the test's deadline: only the event can make the second instance see the change in time.
        await using var second = new ApiFactory(new Dictionary<string, string?> { ["Comments:SiteId"] = siteId, ["ArticleStates:CacheDuration"] = "00:05:00" });
        var articleId = TestData.NewArticleId();
        var reader = second.CreateClientFor(TestData.NewUserId());
        await reader.PostAcceptedCommentAsync(articleId, "Posted while the article was open, so the second instance knows it open.");

        var moderator = first.CreateClientFor(TestData.NewUserId("moderator"), "Close Mod", "moderator");
        var closing = await moderator.PutAsJsonAsync($"/api/moderation/articles/{articleId}/settings?siteId={siteId}", new { closed = true });
        Assert.Equal(HttpStatusCode.OK, closing.StatusCode);

        var attempt = 0;
        await Eventually.Until(() => reader.PostCommentAsync(articleId, $"Trying the second instance after the close, attempt {++attempt}."),
            response => response.StatusCode == HttpStatusCode.Forbidden, what: "the second instance to refuse a post on the closed article", timeout: OneSecond);
    }

    [Fact]
    public async Task A_change_no_instance_announced_applies_once_the_cached_state_expires()
    {
        var siteId = $"states-{Guid.NewGuid():N}"[..20];
        await using var api = new ApiFactory(new Dictionary<string, string?> { ["Comments:SiteId"] = siteId, ["ArticleStates:CacheDuration"] = "00:00:00.300" });
        var articleId = TestData.NewArticleId();
        var reader = api.CreateClientFor(TestData.NewUserId());
        await reader.PostAcceptedCommentAsync(articleId, "Posted while the article was open.");

        await using (var db = TestServices.CreateDbContext())
        {
            db.ArticleSettings.Add(new ArticleSettings { SiteId = siteId, ArticleId = articleId, Closed = true, Version = 1, UpdatedAt = DateTimeOffset.UtcNow, UpdatedBy = "test" });
            await db.SaveChangesAsync();
        }

        var attempt = 0;
        await Eventually.Until(() => reader.PostCommentAsync(articleId, $"Posting after a change without its event, attempt {++attempt}."),
            response => response.StatusCode == HttpStatusCode.Forbidden, what: "the cached open state to expire", timeout: TimeSpan.FromSeconds(3));
    }
}
