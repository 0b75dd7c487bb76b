using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Comments.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Comments.Api.Tests;

/// <summary>Issue 19, first part: an article's own settings (closed, pre-moderated, slow mode, automatic close) through the real services.</summary>
[Collection(StackCollection.Name)]
public sealed class ArticleSettingsTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private const string ClosedTitle = "Comments on this article are closed";

    private static string SettingsPath(string articleId, string siteId) => $"/api/moderation/articles/{articleId}/settings?siteId={siteId}";

    private static async Task<JsonElement> PutSettingsAsync(HttpClient moderator, string articleId, string siteId, object settings)
    {
        var response = await moderator.PutAsJsonAsync(SettingsPath(articleId, siteId), settings);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestData.Json);
    }

    private static async Task AssertClosedAsync(HttpResponseMessage response)
    {
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestData.Json);
        Assert.Equal(ClosedTitle, problem.GetProperty("title").GetString());
    }

    private static Task<JsonElement> StatsAsync(ApiFactory api, string articleId) =>
        api.CreateClient().GetFromJsonAsync<JsonElement>($"/api/articles/{articleId}/stats", TestData.Json);

    [Fact]
    public async Task A_closed_article_refuses_posts_replies_and_edits_with_403_and_sends_nothing_while_its_listing_still_reads_and_reopening_works()
    {
        var articleId = TestData.NewArticleId();
        var moderatorId = TestData.NewUserId("moderator");
        var moderator = site.Api.CreateClientFor(moderatorId, "Article Mod", "moderator");
        var readerId = TestData.NewUserId();
        var reader = site.Api.CreateClientFor(readerId);
        var before = await reader.PostAcceptedCommentAsync(articleId, "Written before the article closed.");
        await reader.WaitForStatusAsync(before, "approved");

        var closed = await PutSettingsAsync(moderator, articleId, site.SiteId, new { closed = true });
        Assert.True(closed.GetProperty("settings").GetProperty("closed").GetBoolean());
        Assert.Equal("moderator", closed.GetProperty("state").GetProperty("closedReason").GetString());

        await AssertClosedAsync(await reader.PostCommentAsync(articleId, "Trying to post on a closed article."));
        await AssertClosedAsync(await reader.PostCommentAsync(articleId, "Trying to reply on a closed article.", parentId: before));
        await AssertClosedAsync(await reader.PatchAsJsonAsync($"/api/comments/{before}", new { body = "Trying to edit on a closed article." }));
        await AssertClosedAsync(await site.Api.CreateClientFor(TestData.NewUserId()).PostCommentAsync(articleId, "Another reader tries."));

        var listing = await site.Api.CreateClient().GetAsync($"/api/articles/{articleId}/comments");
        Assert.Equal(HttpStatusCode.OK, listing.StatusCode);
        var items = (await listing.Content.ReadFromJsonAsync<JsonElement>(TestData.Json)).GetProperty("items");
        Assert.Equal([before], items.EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToArray());
        var stats = await StatsAsync(site.Api, articleId);
        Assert.True(stats.GetProperty("closed").GetBoolean());
        Assert.Equal("moderator", stats.GetProperty("closedReason").GetString());

        var reopened = await PutSettingsAsync(moderator, articleId, site.SiteId, new { closed = false });
        Assert.False(reopened.GetProperty("state").GetProperty("closed").GetBoolean());
        Assert.False((await StatsAsync(site.Api, articleId)).GetProperty("closed").GetBoolean());
        // The queue is in order: once this one is decided, anything the refused requests had sent would be stored too.
        var sentinel = await reader.PostAcceptedCommentAsync(articleId, "Posted after the article reopened.");
        await reader.WaitForStatusAsync(sentinel, "approved");
        Assert.Equal(2, await TestData.StoredCommentCountAsync(articleId));
        await using (var db = TestServices.CreateDbContext())
        {
            var first = await db.Comments.AsNoTracking().SingleAsync(c => c.Id == before);
            Assert.Equal((1, "Written before the article closed."), (first.Revision, first.Body));
            Assert.Equal(0, await db.CommentRevisions.CountAsync(r => r.CommentId == before));
            Assert.Equal(2, await db.PostRefusals.CountAsync(r => r.UserId == readerId && r.Reason == "article_closed"));
        }

        var audit = await moderator.GetFromJsonAsync<JsonElement>($"/api/moderation/audit?actor={moderatorId}", TestData.Json);
        var changes = audit.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, changes.Count);
        Assert.All(changes, c => Assert.Equal(("change", "article_settings", $"{site.SiteId}:article:{articleId}"),
            (c.GetProperty("action").GetString(), c.GetProperty("targetType").GetString(), c.GetProperty("targetId").GetString())));
        var closing = changes[1];
        Assert.False(closing.GetProperty("before").GetProperty("closed").GetBoolean());
        Assert.True(closing.GetProperty("after").GetProperty("closed").GetBoolean());
        var siteChanges = await moderator.GetFromJsonAsync<JsonElement>($"/api/moderation/settings/changes?siteId={site.SiteId}", TestData.Json);
        Assert.Contains(siteChanges.EnumerateArray(), c => c.GetProperty("subject").GetString() == $"article:{articleId}" && c.GetProperty("changedBy").GetString() == moderatorId);
    }

    [Fact]
    public async Task A_pre_moderated_article_holds_a_clean_comment_with_ARTICLE_PREMOD_and_tells_the_reader_why()
    {
        var articleId = TestData.NewArticleId();
        var other = TestData.NewArticleId();
        var reader = site.Api.CreateClientFor(TestData.NewUserId());
        var settings = await PutSettingsAsync(site.Moderator, articleId, site.SiteId, new { preModeration = true });
        Assert.True(settings.GetProperty("settings").GetProperty("preModeration").GetBoolean());

        var held = await reader.PostAcceptedCommentAsync(articleId, "A calm remark about the new cycle lanes.");
        var elsewhere = await reader.PostAcceptedCommentAsync(other, "A calm remark about the library opening hours.");

        var seen = (await reader.WaitForStatusAsync(held, "held"))!.Value;
        var reason = Assert.Single(seen.GetProperty("reasons").EnumerateArray());
        Assert.Equal("ARTICLE_PREMOD", reason.GetProperty("code").GetString());
        Assert.Equal("held for review: comments on this article are checked by a moderator before they appear", reason.GetProperty("message").GetString());
        await reader.WaitForStatusAsync(elsewhere, "approved");
    }

    [Fact]
    public async Task Slow_mode_refuses_a_second_comment_by_the_same_reader_within_its_seconds_with_429_and_Retry_After()
    {
        var ownSite = $"slow-{Guid.NewGuid():N}"[..20];
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var api = new ApiFactory(new Dictionary<string, string?> { ["Comments:SiteId"] = ownSite }, clock: clock);
        var articleId = TestData.NewArticleId();
        var moderator = api.CreateClientFor(TestData.NewUserId("moderator"), "Slow Mod", "moderator");
        Assert.Equal(30, (await PutSettingsAsync(moderator, articleId, ownSite, new { slowModeSeconds = 30 })).GetProperty("settings").GetProperty("slowModeSeconds").GetInt32());
        Assert.Equal(30, (await StatsAsync(api, articleId)).GetProperty("slowModeSeconds").GetInt32());
        var readerId = TestData.NewUserId();
        var reader = api.CreateClientFor(readerId);

        var first = await reader.PostAcceptedCommentAsync(articleId, "My first thought on the budget.");
        var tooSoon = await reader.PostCommentAsync(articleId, "My second thought, straight away.");
        await ProblemAssert.IsProblemAsync(tooSoon, HttpStatusCode.TooManyRequests);
        Assert.Equal(TimeSpan.FromSeconds(30), tooSoon.Headers.RetryAfter?.Delta);
        var otherReader = await api.CreateClientFor(TestData.NewUserId()).PostAcceptedCommentAsync(articleId, "Someone else may post meanwhile.");
        var otherArticle = await reader.PostAcceptedCommentAsync(TestData.NewArticleId(), "Another article has no slow mode.");

        clock.Advance(TimeSpan.FromSeconds(29));
        var stillTooSoon = await reader.PostCommentAsync(articleId, "My second thought, a little later.");
        await ProblemAssert.IsProblemAsync(stillTooSoon, HttpStatusCode.TooManyRequests);
        Assert.Equal(TimeSpan.FromSeconds(1), stillTooSoon.Headers.RetryAfter?.Delta);

        clock.Advance(TimeSpan.FromSeconds(2));
        var second = await reader.PostAcceptedCommentAsync(articleId, "My second thought, after waiting.");
        foreach (var id in new[] { first, otherReader, otherArticle, second })
        {
            await reader.WaitForStatusAsync(id, "approved");
        }
        await using var db = TestServices.CreateDbContext();
        Assert.Equal(3, await db.Comments.CountAsync(c => c.ArticleId == articleId));
        Assert.Equal(2, await db.PostRefusals.CountAsync(r => r.UserId == readerId && r.Reason == "slow_mode"));
    }

    [Fact]
    public async Task Slow_mode_lets_one_of_a_burst_of_simultaneous_posts_through_though_none_is_stored_yet()
    {
        var articleId = TestData.NewArticleId();
        await PutSettingsAsync(site.Moderator, articleId, site.SiteId, new { slowModeSeconds = 600 });
        var readerId = TestData.NewUserId();
        var reader = site.Api.CreateClientFor(readerId);

        var burst = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => reader.PostCommentAsync(articleId, $"Burst post number {i} on the story.")));

        Assert.Equal(1, burst.Count(r => r.StatusCode == HttpStatusCode.Accepted));
        Assert.Equal(7, burst.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests && r.Headers.RetryAfter?.Delta > TimeSpan.FromSeconds(590)));
        var accepted = (await burst.Single(r => r.StatusCode == HttpStatusCode.Accepted).Content.ReadFromJsonAsync<JsonElement>(TestData.Json)).GetProperty("id").GetGuid();
        await reader.WaitForStatusAsync(accepted, "approved");
        // Stored now: the database check refuses the next one too.
        await ProblemAssert.IsProblemAsync(await reader.PostCommentAsync(articleId, "One more after it was stored."), HttpStatusCode.TooManyRequests);
        Assert.Equal(1, await TestData.StoredCommentCountAsync(articleId));
    }

    [Fact]
    public async Task An_article_closes_by_itself_the_set_number_of_days_after_its_first_comment()
    {
        var ownSite = $"autoclose-{Guid.NewGuid():N}"[..20];
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var api = new ApiFactory(new Dictionary<string, string?> { ["Comments:SiteId"] = ownSite }, clock: clock);
        var expires = DateTime.UtcNow.AddDays(5); // valid on the advanced clock too
        var moderator = api.CreateClientWith(api.TokenFor(TestData.NewUserId("moderator"), "Auto Mod", ["moderator"], expires));
        var reader = api.CreateClientWith(api.TokenFor(TestData.NewUserId(), expires: expires));
        var ownDays = TestData.NewArticleId();
        var siteDefault = TestData.NewArticleId();
        var never = TestData.NewArticleId();
        await PutSettingsAsync(moderator, ownDays, ownSite, new { autoCloseAfterDays = 1 });
        await PutSettingsAsync(moderator, never, ownSite, new { autoCloseAfterDays = 0 });
        var siteSettings = await moderator.GetFromJsonAsync<JsonElement>($"/api/moderation/settings?siteId={ownSite}", TestData.Json);
        Assert.Equal(0, siteSettings.GetProperty("settings").GetProperty("articleAutoCloseDays").GetInt32());
        var changed = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(siteSettings.GetProperty("settings").GetRawText())!;
        changed["articleAutoCloseDays"] = JsonSerializer.SerializeToElement(2);
        Assert.Equal(HttpStatusCode.OK, (await moderator.PutAsJsonAsync($"/api/moderation/settings?siteId={ownSite}", changed)).StatusCode);

        foreach (var (articleId, body) in new[] { (ownDays, "The harbour needs a new wall."), (siteDefault, "The bus timetable has improved."), (never, "The park cafe opens early now.") })
        {
            await reader.WaitForStatusAsync(await reader.PostAcceptedCommentAsync(articleId, body), "approved");
        }
        var state = (await moderator.GetFromJsonAsync<JsonElement>(SettingsPath(ownDays, ownSite), TestData.Json)).GetProperty("state");
        Assert.False(state.GetProperty("closed").GetBoolean());
        Assert.True(state.GetProperty("closesAt").GetDateTimeOffset() > clock.GetUtcNow());

        clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));
        var closed = await reader.PostCommentAsync(ownDays, "A day later on the one-day article.");
        await AssertClosedAsync(closed);
        Assert.Equal("auto_close", (await moderator.GetFromJsonAsync<JsonElement>(SettingsPath(ownDays, ownSite), TestData.Json))
            .GetProperty("state").GetProperty("closedReason").GetString());
        Assert.Equal(HttpStatusCode.Accepted, (await reader.PostCommentAsync(siteDefault, "A day later on the site's two-day default.")).StatusCode);

        clock.Advance(TimeSpan.FromDays(1));
        await AssertClosedAsync(await reader.PostCommentAsync(siteDefault, "Two days later on the site's default."));
        Assert.Equal(HttpStatusCode.Accepted, (await reader.PostCommentAsync(never, "Two days later on an article that never closes.")).StatusCode);
    }

    [Fact]
    public async Task Readers_and_anonymous_visitors_can_neither_read_nor_change_article_settings()
    {
        var articleId = TestData.NewArticleId();
        var path = SettingsPath(articleId, site.SiteId);
        var anonymous = site.Api.CreateClient();
        var reader = site.Api.CreateClientFor(TestData.NewUserId());
        var support = site.Api.CreateClientFor(TestData.NewUserId("support"), "Sue", "support");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PutAsJsonAsync(path, new { closed = true })).StatusCode);
        foreach (var client in new[] { reader, support })
        {
            await ProblemAssert.IsProblemAsync(await client.GetAsync(path), HttpStatusCode.Forbidden);
            await ProblemAssert.IsProblemAsync(await client.PutAsJsonAsync(path, new { closed = true }), HttpStatusCode.Forbidden);
        }

        var stored = await site.Moderator.GetFromJsonAsync<JsonElement>(path, TestData.Json);
        Assert.Equal(0, stored.GetProperty("version").GetInt32());
        Assert.False(stored.GetProperty("settings").GetProperty("closed").GetBoolean());
        Assert.Equal(HttpStatusCode.Accepted, (await reader.PostCommentAsync(articleId, "Still open.")).StatusCode);
    }

    public static TheoryData<string, string, string, string> BadInput => new()
    {
        { "negative slow mode", "test-article:ok", """{"slowModeSeconds":-1}""", "slowModeSeconds" },
        { "slow mode over a day", "test-article:ok", """{"slowModeSeconds":86401}""", "slowModeSeconds" },
        { "negative automatic close", "test-article:ok", """{"autoCloseAfterDays":-1}""", "autoCloseAfterDays" },
        { "slow mode as text", "test-article:ok", """{"slowModeSeconds":"ten"}""", "slowModeSeconds" },
        { "article key with a space", "has%20space", """{"closed":true}""", "articleId" },
        { "article key of 201 characters", new string('k', 201), """{"closed":true}""", "articleId" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Invalid_input_is_a_400_validation_problem_and_changes_nothing(string because, string articleKey, string json, string field)
    {
        var articleId = articleKey == "test-article:ok" ? TestData.NewArticleId() : articleKey;

        var response = await site.Moderator.PutAsync(SettingsPath(articleId, site.SiteId), new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{because}: got {(int)response.StatusCode}");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestData.Json);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{because}: {problem}");
        await using var db = TestServices.CreateDbContext();
        Assert.False(await db.ArticleSettings.AnyAsync(s => s.SiteId == site.SiteId && s.ArticleId == articleId), because);
    }

    [Fact]
    public async Task A_bad_article_key_or_site_is_refused_when_reading_too()
    {
        await ProblemAssert.IsProblemAsync(await site.Moderator.GetAsync(SettingsPath("semi;colon", site.SiteId)), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(await site.Moderator.GetAsync(SettingsPath(TestData.NewArticleId(), "Not_A_Site")), HttpStatusCode.BadRequest);
        var putToBadSite = await site.Moderator.PutAsJsonAsync(SettingsPath(TestData.NewArticleId(), "Not_A_Site"), new { closed = true });
        await ProblemAssert.IsProblemAsync(putToBadSite, HttpStatusCode.BadRequest);
    }
}
