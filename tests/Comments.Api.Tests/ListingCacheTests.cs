using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Comments.Testing;
using Microsoft.EntityFrameworkCore;

namespace Comments.Api.Tests;

[Collection(StackCollection.Name)]
public sealed class ListingCacheTests(CommentsStack stack)
{
    [Fact]
    public async Task A_cached_listing_answers_304_to_its_own_etag_and_200_with_the_same_etag_otherwise()
    {
        var articleId = TestData.NewArticleId();
        var id = await stack.Api.CreateClientFor(TestData.NewUserId()).PostAcceptedCommentAsync(articleId, "Worth keeping for a while.");
        await stack.Api.CreateClient().WaitForStatusAsync(id, "approved");
        var anonymous = stack.Api.CreateClient();
        var url = $"/api/articles/{articleId}/comments?limit=5";

        // The decision's event may still be on its way and evict once more; wait until two reads share one entry.
        var (first, again) = await Eventually.Until(async () => (await anonymous.GetAsync(url), await anonymous.GetAsync(url)),
            pair => ListedIds(pair.Item1).Contains(id) && pair.Item1.Headers.ETag?.Tag == pair.Item2.Headers.ETag?.Tag,
            what: "the approved comment in a cached listing");
        using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var notModified = await anonymous.SendAsync(conditional);

        Assert.NotNull(first.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(first.Headers.ETag, notModified.Headers.ETag);
    }

    [Fact]
    public async Task The_worker_s_decision_evicts_the_cached_listing_long_before_it_would_expire()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?> { ["ListingCache:Duration"] = "01:00:00" });
        var articleId = TestData.NewArticleId();
        var anonymous = api.CreateClient();
        var url = $"/api/articles/{articleId}/comments";
        var before = await anonymous.GetAsync(url);
        Assert.Empty(ListedIds(before));
        Assert.Equal(before.Headers.ETag, (await anonymous.GetAsync(url)).Headers.ETag);

        var id = await api.CreateClientFor(TestData.NewUserId()).PostAcceptedCommentAsync(articleId, "Decided by the worker, seen by everyone.");

        await Eventually.Until(() => anonymous.GetAsync(url), r => ListedIds(r).Contains(id), what: "the cached listing to be evicted by the decision");
        using var stale = new HttpRequestMessage(HttpMethod.Get, url);
        stale.Headers.IfNoneMatch.Add(before.Headers.ETag!);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.SendAsync(stale)).StatusCode);
    }

    [Fact]
    public async Task An_author_s_deletion_is_visible_in_the_very_next_listing()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?> { ["ListingCache:Duration"] = "01:00:00" });
        var articleId = TestData.NewArticleId();
        var author = api.CreateClientFor(TestData.NewUserId());
        var id = await author.PostAcceptedCommentAsync(articleId, "Thought better of it.");
        await author.WaitForStatusAsync(id, "approved");
        var anonymous = api.CreateClient();
        var url = $"/api/articles/{articleId}/comments";
        await Eventually.Until(() => anonymous.GetAsync(url), r => ListedIds(r).Contains(id), what: "the approved comment in the listing");

        Assert.Equal(HttpStatusCode.NoContent, (await author.DeleteAsync($"/api/comments/{id}")).StatusCode);

        Assert.DoesNotContain(id, ListedIds(await anonymous.GetAsync(url)));
    }

    [Fact]
    public async Task A_request_that_asks_for_no_cache_is_answered_fresh_and_refreshes_the_entry()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?> { ["ListingCache:Duration"] = "01:00:00" });
        var articleId = TestData.NewArticleId();
        var author = api.CreateClientFor(TestData.NewUserId());
        var id = await author.PostAcceptedCommentAsync(articleId, "Said first.");
        await author.WaitForStatusAsync(id, "approved");
        var anonymous = api.CreateClient();
        var url = $"/api/articles/{articleId}/comments";
        await Eventually.Until(() => anonymous.GetAsync(url), r => ListedBodies(r).Contains("Said first."), what: "the approved comment in the listing");
        // A change no event tells the API about (as when the reader learns of a decision before its event arrives).
        await using (var db = TestServices.CreateDbContext())
        {
            await db.Database.ExecuteSqlAsync($"update comments set body = 'Said better.' where id = {id}");
        }
        Assert.Contains("Said first.", ListedBodies(await anonymous.GetAsync(url)));

        using var fresh = new HttpRequestMessage(HttpMethod.Get, url);
        fresh.Headers.CacheControl = new CacheControlHeaderValue { NoCache = true };
        Assert.Contains("Said better.", ListedBodies(await anonymous.SendAsync(fresh)));

        Assert.Contains("Said better.", ListedBodies(await anonymous.GetAsync(url)));
    }

    private static List<string> ListedBodies(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(response.Content.ReadAsStream());
        return [.. json.RootElement.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("body").GetString()!)];
    }

    private static List<Guid> ListedIds(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(response.Content.ReadAsStream());
        return [.. json.RootElement.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid())];
    }
}
