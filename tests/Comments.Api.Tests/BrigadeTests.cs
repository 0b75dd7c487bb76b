using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comments.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moderation.Worker.Brigades;

namespace Comments.Api.Tests;

/// <summary>
/// Issue 19: an article under attack protects itself. A simulated brigade through the API, with the worker's brigade
/// watch running every second on the real services, beside a normal discussion on another article.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class BrigadeTests(CommentsStack stack, SiteFixture site) : IClassFixture<SiteFixture>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await stack.StopWorkerAsync();
        await stack.StartWorkerAsync(new Dictionary<string, string?> { ["BrigadeWatch:Enabled"] = "true", ["BrigadeWatch:Interval"] = "00:00:01" });
    }

    public async Task DisposeAsync()
    {
        await stack.StopWorkerAsync();
        await stack.StartWorkerAsync();
    }

    private async Task<JsonElement> StatsAsync(string articleId) =>
        await site.Api.CreateClient().GetFromJsonAsync<JsonElement>($"/api/articles/{articleId}/stats", TestData.Json);

    private static bool Protected(JsonElement stats) => stats.GetProperty("protectedUntil").ValueKind == JsonValueKind.String;

    [Fact]
    public async Task A_burst_of_abuse_from_new_accounts_protects_its_article_within_a_minute_and_leaves_a_normal_discussion_alone()
    {
        var attacked = TestData.NewArticleId();
        var calm = TestData.NewArticleId();

        // A normal discussion: a dozen readers, ordinary comments (new accounts too: every test reader is new).
        var calmIds = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            var reader = site.Api.CreateClientFor(TestData.NewUserId(), $"Reader {i}");
            calmIds.Add(await reader.PostAcceptedCommentAsync(calm, $"I think the council's plan for the library number {i} is sensible."));
        }
        // The brigade: fifteen new accounts, abuse, and reports on what gets through.
        var abuse = new List<Guid>();
        for (var i = 0; i < 15; i++)
        {
            var troll = site.Api.CreateClientFor(TestData.NewUserId("troll"), $"Troll {i}");
            abuse.Add(await troll.PostAcceptedCommentAsync(attacked, $"Shut up you brainless idiot number {i}, you deserve a beating."));
        }

        var protectedStats = await Eventually.Until(() => StatsAsync(attacked), Protected,
            what: $"article {attacked} to be protected against the brigade", timeout: TimeSpan.FromSeconds(60));
        Assert.True(protectedStats.GetProperty("reviewedBeforePublishing").GetBoolean());
        foreach (var id in calmIds)
        {
            await site.Moderator.WaitForStatusAsync(id, "approved");
        }

        // While protected, an ordinary comment on the attacked article waits for a moderator, with the reader's sentence.
        var bystander = site.Api.CreateClientFor(TestData.NewUserId());
        var held = await bystander.PostAcceptedCommentAsync(attacked, "Can we please talk about the actual story?");
        var heldView = await bystander.WaitForStatusAsync(held, "held");
        var reason = heldView!.Value.GetProperty("reasons").EnumerateArray().Single(r => r.GetProperty("code").GetString() == "ARTICLE_PROTECTION");
        Assert.Contains("being reviewed before they appear", reason.GetProperty("message").GetString());
        // The calm article is untouched: not protected, and a new comment there is published.
        Assert.False(Protected(await StatsAsync(calm)));
        var calmLater = await bystander.PostAcceptedCommentAsync(calm, "The library plan sounds fine to me as well.");
        await bystander.WaitForStatusAsync(calmLater, "approved");

        // Moderators see it: the article flagged in the articles view, the queue filter, the audit log.
        var articles = await site.Moderator.GetFromJsonAsync<JsonElement>($"/api/moderation/articles?siteId={site.SiteId}", TestData.Json);
        var flagged = articles.EnumerateArray().Where(a => a.GetProperty("underAttack").GetBoolean()).Select(a => a.GetProperty("articleId").GetString()).ToList();
        Assert.Equal([attacked], flagged);
        var filtered = await site.Moderator.GetFromJsonAsync<JsonElement>($"/api/moderation/queues/pending?siteId={site.SiteId}&underAttack=true&limit=100", TestData.Json);
        var filteredArticles = filtered.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("comment").GetProperty("articleId").GetString()).Distinct().ToList();
        Assert.Equal([attacked], filteredArticles);
        await using (var db = TestServices.CreateDbContext())
        {
            var audit = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == "protect" && a.TargetId == $"{site.SiteId}:{attacked}");
            Assert.Equal("system", audit.Actor);
            Assert.Contains("held_share", audit.AfterJson);
        }

        // A moderator ends it early: audited, the article takes comments as before, and what came before does not count again.
        var ended = await site.Moderator.DeleteAsync($"/api/moderation/articles/{attacked}/protection?siteId={site.SiteId}");
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.False(Protected(await StatsAsync(attacked)));
        await stack.WorkerServices.GetRequiredService<BrigadeWatch>().WatchAsync(CancellationToken.None);
        Assert.False(Protected(await StatsAsync(attacked)));
        var after = await bystander.PostAcceptedCommentAsync(attacked, "Thanks for calming things down, moderators.");
        await bystander.WaitForStatusAsync(after, "approved");
        await ProblemAssert.IsProblemAsync(await site.Moderator.DeleteAsync($"/api/moderation/articles/{attacked}/protection?siteId={site.SiteId}"),
            HttpStatusCode.NotFound);
        await using (var db = TestServices.CreateDbContext())
        {
            var protection = await db.ArticleProtections.AsNoTracking().SingleAsync(p => p.ArticleId == attacked);
            Assert.NotNull(protection.EndedAt);
            Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "end_protection" && a.TargetId == $"{site.SiteId}:{attacked}"));
            Assert.Equal(0, await db.ArticleProtections.CountAsync(p => p.ArticleId == calm));
        }
    }

    [Fact]
    public async Task A_reader_cannot_end_an_articles_protection_nor_see_the_articles_view()
    {
        var reader = site.Api.CreateClientFor(TestData.NewUserId());
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.DeleteAsync($"/api/moderation/articles/{TestData.NewArticleId()}/protection?siteId={site.SiteId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync($"/api/moderation/articles?siteId={site.SiteId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await site.Api.CreateClient().GetAsync($"/api/moderation/articles?siteId={site.SiteId}")).StatusCode);
    }
}
