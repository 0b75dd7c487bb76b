using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comments.Testing;

namespace Comments.Api.Tests;

/// <summary>Moderators feature published comments; the public lists them with sort=featured.</summary>
[Collection(StackCollection.Name)]
public sealed class EditorsPicksTests(CommentsStack stack)
{
    private HttpClient Moderator(string? id = null) => stack.Api.CreateClientFor(id ?? TestData.NewUserId("moderator"), "Mo Derator", "moderator");

    private static string Featured(string articleId) => $"/api/articles/{articleId}/comments?sort=featured";

    [Fact]
    public async Task A_moderator_features_and_unfeatures_a_published_comment_and_each_change_is_audited_once()
    {
        var articleId = TestData.NewArticleId();
        var id = await stack.Api.CreateClientFor(TestData.NewUserId()).PostPublishedAsync(articleId, "The pumps were checked twice a night, I watched them.");
        var moderatorId = TestData.NewUserId("moderator");
        var moderator = Moderator(moderatorId);

        var featured = await moderator.FeatureAsync(id);
        Assert.Equal(HttpStatusCode.OK, featured.StatusCode);
        Assert.True((await featured.Content.ReadFromJsonAsync<JsonElement>(TestData.Json)).GetProperty("featured").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await moderator.FeatureAsync(id)).StatusCode);
        Assert.True((await stack.Api.CreateClient().GetCommentAsync(id))!.Value.GetProperty("featured").GetBoolean());

        var unfeatured = await moderator.UnfeatureAsync(id);
        Assert.Equal(HttpStatusCode.OK, unfeatured.StatusCode);
        Assert.False((await unfeatured.Content.ReadFromJsonAsync<JsonElement>(TestData.Json)).GetProperty("featured").GetBoolean());
        Assert.False((await stack.Api.CreateClient().GetCommentAsync(id))!.Value.GetProperty("featured").GetBoolean());

        var audit = (await moderator.GetFromJsonAsync<JsonElement>($"/api/moderation/audit?target={id}&actor={moderatorId}", TestData.Json))
            .GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["unfeature", "feature"], audit.Select(a => a.GetProperty("action").GetString()));
        Assert.All(audit, a => Assert.Equal("comment", a.GetProperty("targetType").GetString()));
        Assert.Equal(JsonValueKind.Null, audit[1].GetProperty("before").GetProperty("featuredAt").ValueKind);
        Assert.Equal(JsonValueKind.String, audit[1].GetProperty("after").GetProperty("featuredAt").ValueKind);
    }

    [Fact]
    public async Task Readers_staff_and_support_cannot_feature_and_anonymous_callers_must_sign_in()
    {
        var articleId = TestData.NewArticleId();
        var author = stack.Api.CreateClientFor(TestData.NewUserId());
        var id = await author.PostPublishedAsync(articleId, "Worth a place at the top, says its author.");

        await ProblemAssert.IsProblemAsync(await stack.Api.CreateClient().FeatureAsync(id), HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(await stack.Api.CreateClient().UnfeatureAsync(id), HttpStatusCode.Unauthorized);
        foreach (var role in new[] { "reader", "journalist", "staff", "support" })
        {
            var caller = stack.Api.CreateClientFor(TestData.NewUserId(role), role, role);
            await ProblemAssert.IsProblemAsync(await caller.FeatureAsync(id), HttpStatusCode.Forbidden);
        }
        await ProblemAssert.IsProblemAsync(await author.FeatureAsync(id), HttpStatusCode.Forbidden);

        Assert.False((await author.GetCommentAsync(id))!.Value.GetProperty("featured").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await stack.Api.CreateClientFor(TestData.NewUserId("admin"), "Ad Min", "admin").FeatureAsync(id)).StatusCode);
    }

    [Fact]
    public async Task Only_a_published_comment_can_be_featured()
    {
        var articleId = TestData.NewArticleId();
        var reader = stack.Api.CreateClientFor(TestData.NewUserId());
        var moderator = Moderator();
        var held = await reader.PostAcceptedCommentAsync(articleId, "The mayor talks utter bullshit about the flood money.");
        await reader.WaitForStatusAsync(held, "held");
        var rejected = await reader.PostPublishedAsync(articleId, "Published, then rejected on a second look.");
        var deleted = await reader.PostPublishedAsync(articleId, "Published, then taken back by its author.");
        await moderator.RejectAsync(rejected);
        Assert.Equal(HttpStatusCode.NoContent, (await reader.DeleteAsync($"/api/comments/{deleted}")).StatusCode);

        await ProblemAssert.IsProblemAsync(await moderator.FeatureAsync(held), HttpStatusCode.Conflict);
        await ProblemAssert.IsProblemAsync(await moderator.FeatureAsync(rejected), HttpStatusCode.Conflict);
        await ProblemAssert.IsProblemAsync(await moderator.FeatureAsync(deleted), HttpStatusCode.Conflict);
        await ProblemAssert.IsProblemAsync(await moderator.FeatureAsync(Guid.NewGuid()), HttpStatusCode.NotFound);

        Assert.Empty(await stack.Api.CreateClient().AllPagesAsync(Featured(articleId), 10));
    }

    [Fact]
    public async Task Sort_featured_lists_exactly_the_featured_most_recently_featured_first_page_by_page()
    {
        var articleId = TestData.NewArticleId();
        var reader = stack.Api.CreateClientFor(TestData.NewUserId());
        var moderator = Moderator();
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await reader.PostPublishedAsync(articleId, $"Point number {i} about the barrier's cost."));
        }
        var reply = await reader.PostPublishedReplyAsync(articleId, ids[0], "A reply that the editors liked.");
        var elsewhere = await reader.PostPublishedAsync(TestData.NewArticleId(), "Featured on another article.");

        Guid[] picks = [ids[3], reply, ids[0], ids[4]];
        foreach (var pick in picks.Append(elsewhere))
        {
            Assert.Equal(HttpStatusCode.OK, (await moderator.FeatureAsync(pick)).StatusCode);
        }

        var listed = await stack.Api.CreateClient().AllPagesAsync(Featured(articleId), 3);
        Assert.Equal(picks.Reverse(), listed);
        var page = await stack.Api.CreateClient().GetFromJsonAsync<JsonElement>(Featured(articleId), TestData.Json);
        Assert.All(page.GetProperty("items").EnumerateArray(), c => Assert.True(c.GetProperty("featured").GetBoolean()));
        var newest = await stack.Api.CreateClient().GetFromJsonAsync<JsonElement>($"/api/articles/{articleId}/comments?sort=newest", TestData.Json);
        Assert.Equal(3, newest.GetProperty("items").EnumerateArray().Count(c => c.GetProperty("featured").GetBoolean()));
        var first = await stack.Api.CreateClient().GetFromJsonAsync<JsonElement>($"{Featured(articleId)}&limit=1", TestData.Json);
        var cursor = Uri.EscapeDataString(first.GetProperty("nextCursor").GetString()!);
        await ProblemAssert.IsProblemAsync(await stack.Api.CreateClient().GetAsync($"/api/articles/{articleId}/comments?sort=best&cursor={cursor}"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_pick_that_is_rejected_or_deleted_leaves_the_featured_list_and_a_new_approval_does_not_bring_it_back()
    {
        var articleId = TestData.NewArticleId();
        var reader = stack.Api.CreateClientFor(TestData.NewUserId());
        var moderator = Moderator();
        var rejected = await reader.PostPublishedAsync(articleId, "Featured first, rejected later.");
        var deleted = await reader.PostPublishedAsync(articleId, "Featured first, deleted by its author later.");
        await reader.PostPublishedReplyAsync(articleId, deleted, "A reply that keeps the deleted one's place.");
        var kept = await reader.PostPublishedAsync(articleId, "Featured and still standing.");
        foreach (var id in new[] { rejected, deleted, kept })
        {
            Assert.Equal(HttpStatusCode.OK, (await moderator.FeatureAsync(id)).StatusCode);
        }

        await moderator.RejectAsync(rejected);
        Assert.Equal(HttpStatusCode.NoContent, (await reader.DeleteAsync($"/api/comments/{deleted}")).StatusCode);
        Assert.Equal([kept], await stack.Api.CreateClient().AllPagesAsync(Featured(articleId), 10));

        var history = await moderator.GetFromJsonAsync<JsonElement>($"/api/moderation/comments/{rejected}/history", TestData.Json);
        (await moderator.PostAsJsonAsync($"/api/moderation/comments/{rejected}/decision",
            new { action = "approve", version = history.GetProperty("version").GetUInt32() })).EnsureSuccessStatusCode();
        Assert.False((await stack.Api.CreateClient().GetCommentAsync(rejected))!.Value.GetProperty("featured").GetBoolean());
        Assert.Equal([kept], await stack.Api.CreateClient().AllPagesAsync(Featured(articleId), 10));
    }

    [Fact]
    public async Task Featuring_evicts_the_cached_featured_listing_at_once()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?> { ["ListingCache:Duration"] = "01:00:00" });
        var articleId = TestData.NewArticleId();
        var id = await api.CreateClientFor(TestData.NewUserId()).PostPublishedAsync(articleId, "Cached as not featured, then featured.");
        var anonymous = api.CreateClient();
        var url = Featured(articleId) + "&limit=20";
        var newest = $"/api/articles/{articleId}/comments?sort=newest";
        await Eventually.Until(() => anonymous.GetFromJsonAsync<JsonElement>(newest, TestData.Json), page => page.GetProperty("items").GetArrayLength() == 1,
            what: "the approved comment in the newest listing");
        var before = await anonymous.GetAsync(url);
        Assert.Equal(before.Headers.ETag, (await anonymous.GetAsync(url)).Headers.ETag);

        Assert.Equal(HttpStatusCode.OK, (await api.CreateClientFor(TestData.NewUserId("moderator"), "M", "moderator").FeatureAsync(id)).StatusCode);

        Assert.Equal([id], await anonymous.AllPagesAsync(Featured(articleId), 20));
        var listed = await anonymous.GetFromJsonAsync<JsonElement>(newest, TestData.Json);
        Assert.True(listed.GetProperty("items")[0].GetProperty("featured").GetBoolean());
    }
}
