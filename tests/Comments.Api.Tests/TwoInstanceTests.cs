using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comments.Moderation.Reasons;
using Comments.Storage.Comments;
using Comments.Testing;
using Microsoft.EntityFrameworkCore;

namespace Comments.Api.Tests;

/// <summary>
/// Issue 23: two API instances on one database and broker, as behind a load balancer, keep the guarantees of one:
/// the listing cache, moderators' claims and the per-reader posting limit.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class TwoInstanceTests(CommentsStack stack)
{
    [Fact]
    public async Task A_moderator_s_approval_through_one_instance_shows_in_the_other_s_cached_listing_within_a_second()
    {
        var siteId = $"pair-{Guid.NewGuid():N}"[..20];
        // A lifetime far beyond the test's deadline: only the decision's eviction can refresh the second instance in time.
        var settings = new Dictionary<string, string?> { ["Comments:SiteId"] = siteId, ["ListingCache:Duration"] = "01:00:00" };
        await using var first = new ApiFactory(settings);
        await using var second = new ApiFactory(settings);
        var articleId = TestData.NewArticleId();
        var author = first.CreateClientFor(TestData.NewUserId());
        var id = await author.PostAcceptedCommentAsync(articleId, "The mayor talked utter bullshit about the bridge.");
        await author.WaitForStatusAsync(id, "held");
        var moderator = first.CreateClientFor(TestData.NewUserId("moderator"), "Mo", "moderator");
        var anonymous = second.CreateClient();
        var url = $"/api/articles/{articleId}/comments";
        // The held decision's own eviction may still be on its way; wait until two reads share one cached entry.
        await Eventually.Until(async () => (await anonymous.GetAsync(url), await anonymous.GetAsync(url)),
            pair => pair.Item1.Headers.ETag?.Tag == pair.Item2.Headers.ETag?.Tag, what: "a cached listing on the second instance");
        Assert.DoesNotContain(id, ListedIds(await anonymous.GetAsync(url)));

        var history = await moderator.GetFromJsonAsync<JsonElement>($"/api/moderation/comments/{id}/history", TestData.Json);
        var decision = await moderator.PostAsJsonAsync($"/api/moderation/comments/{id}/decision",
            new { action = "approve", version = history.GetProperty("version").GetUInt32(), note = "fair enough" });
        Assert.Equal(HttpStatusCode.OK, decision.StatusCode);

        await Eventually.Until(() => anonymous.GetAsync(url), r => ListedIds(r).Contains(id),
            what: "the approval through the first instance to evict the second's cached listing", timeout: TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Moderators_on_two_instances_claiming_at_once_never_get_the_same_comment()
    {
        var siteId = $"pair-{Guid.NewGuid():N}"[..20];
        var settings = new Dictionary<string, string?> { ["Comments:SiteId"] = siteId };
        await using var first = new ApiFactory(settings);
        await using var second = new ApiFactory(settings);
        ApiFactory[] apis = [first, second];
        var articleId = TestData.NewArticleId();
        var held = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            var reader = apis[i % 2].CreateClientFor(TestData.NewUserId());
            held.Add(await reader.PostAcceptedCommentAsync(articleId, $"Comment {i}: the council talked bullshit again."));
            await reader.WaitForStatusAsync(held[^1], "held");
        }
        var next = $"/api/moderation/next?queue=pending&siteId={siteId}";
        HttpClient NewModerator(int i) => apis[i % 2].CreateClientFor(TestData.NewUserId("moderator"), $"Mod {i}", "moderator");

        // Twelve moderators, six on each instance, ask for their next comment at the same moment; then more, one by one,
        // until the queue is empty: each comment must be handed to exactly one of them.
        var handed = (await Task.WhenAll(Enumerable.Range(0, 12).Select(i => ClaimNextAsync(NewModerator(i), next)))).OfType<Guid>().ToList();
        for (var i = 0; handed.Count < held.Count && i < 2 * held.Count; i++)
        {
            handed.AddRange(new[] { await ClaimNextAsync(NewModerator(i), next) }.OfType<Guid>());
        }
        Assert.Equal(held.Order(), handed.Order());

        // Two moderators take the same comment by its id, one through each instance: one gets it, the other is told it is taken.
        var author = first.CreateClientFor(TestData.NewUserId());
        var unclaimed = await author.PostAcceptedCommentAsync(articleId, "One more: the council talked bullshit.");
        await author.WaitForStatusAsync(unclaimed, "held");
        var both = await Task.WhenAll(NewModerator(0).PostAsync($"/api/moderation/comments/{unclaimed}/claim", null),
            NewModerator(1).PostAsync($"/api/moderation/comments/{unclaimed}/claim", null));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], both.Select(r => r.StatusCode).Order());
    }

    [Fact]
    public async Task A_reader_s_posts_spread_over_two_instances_are_published_only_up_to_the_posting_limit()
    {
        // Each instance lets three posts through (no refill within the test); the worker allows three in ten minutes over both.
        var limits = new Dictionary<string, string?> { ["RateLimits:PostingBurst"] = "3", ["RateLimits:PostingRefillSeconds"] = "3600" };
        await stack.StopWorkerAsync();
        await stack.StartWorkerAsync(new Dictionary<string, string?>
        {
            ["PostingLimit:Enabled"] = "true", ["PostingLimit:PostsPerWindow"] = "3", ["PostingLimit:WindowSeconds"] = "600",
        });
        try
        {
            await using var first = new ApiFactory(limits);
            await using var second = new ApiFactory(limits);
            var userId = TestData.NewUserId();
            HttpClient[] readers = [first.CreateClientFor(userId), second.CreateClientFor(userId)];
            var articleId = TestData.NewArticleId();
            var posted = new List<Guid>();
            for (var i = 0; i < 6; i++)
            {
                posted.Add(await readers[i % 2].PostAcceptedCommentAsync(articleId, $"Thought number {i} on the new tram line."));
            }
            Assert.Equal(HttpStatusCode.TooManyRequests, (await readers[0].PostCommentAsync(articleId, "One too many for this instance.")).StatusCode);

            var decided = await Eventually.Until(() => DecisionsAsync(posted), d => d.Count == posted.Count, what: "all six posts decided");

            Assert.All(posted.Take(3), id => Assert.Equal(CommentStatus.Approved, decided[id].Status));
            Assert.All(posted.Skip(3), id => Assert.Equal((CommentStatus.Rejected, ReasonCodes.PostingLimit), (decided[id].Status, decided[id].Codes.Single())));
        }
        finally
        {
            await stack.StopWorkerAsync();
            await stack.StartWorkerAsync();
        }
    }

    private static async Task<Guid?> ClaimNextAsync(HttpClient moderator, string next)
    {
        var response = await moderator.PostAsync(next, null);
        return response.StatusCode == HttpStatusCode.OK
            ? (await response.Content.ReadFromJsonAsync<JsonElement>(TestData.Json)).GetProperty("comment").GetProperty("id").GetGuid()
            : null;
    }

    private static async Task<Dictionary<Guid, (CommentStatus Status, string[] Codes)>> DecisionsAsync(List<Guid> ids)
    {
        await using var db = TestServices.CreateDbContext();
        return await db.Comments.Where(c => ids.Contains(c.Id) && c.Status != CommentStatus.Pending)
            .Join(db.Decisions, c => new { c.Id, c.Revision }, d => new { Id = d.CommentId, d.Revision }, (c, d) => new { c.Id, c.Status, d.ReasonCodes })
            .ToDictionaryAsync(r => r.Id, r => (r.Status, r.ReasonCodes));
    }

    private static List<Guid> ListedIds(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(response.Content.ReadAsStream());
        return [.. json.RootElement.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid())];
    }
}
