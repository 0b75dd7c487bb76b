using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Comments.Api.Tests;

/// <summary>Issue 17, part 5: two sites in one database, with the same article key, never see each other's comments or counts.</summary>
[Collection(StackCollection.Name)]
public sealed class SiteSeparationTests(CommentsStack stack, SiteFixture other) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task The_same_article_key_on_two_sites_lists_and_counts_each_sites_own_comments()
    {
        var articleId = TestData.NewArticleId();
        var here = stack.Api.CreateClientFor(TestData.NewUserId());
        var there = other.Api.CreateClientFor(TestData.NewUserId());
        var ours = await here.PostAcceptedCommentAsync(articleId, "The bridge repairs are overdue on our side of the river.");
        var theirs = await there.PostAcceptedCommentAsync(articleId, "A different newspaper, a different discussion about the bridge.");
        await here.WaitForStatusAsync(ours, "approved");
        await there.WaitForStatusAsync(theirs, "approved");

        async Task<List<Guid>> ListedAsync(HttpClient client) =>
            (await client.GetFromJsonAsync<JsonElement>($"/api/articles/{articleId}/comments", TestData.Json)).GetProperty("items").EnumerateArray()
            .Select(c => c.GetProperty("id").GetGuid()).ToList();
        async Task<int> CountAsync(HttpClient client) =>
            (await client.GetFromJsonAsync<JsonElement>($"/api/articles/{articleId}/stats", TestData.Json)).GetProperty("publishedCount").GetInt32();

        Assert.Equal([ours], await ListedAsync(stack.Api.CreateClient()));
        Assert.Equal([theirs], await ListedAsync(other.Api.CreateClient()));
        Assert.Equal(1, await CountAsync(stack.Api.CreateClient()));
        Assert.Equal(1, await CountAsync(other.Api.CreateClient()));
        Assert.Equal(HttpStatusCode.NotFound, (await stack.Api.CreateClient().GetAsync($"/api/comments/{theirs}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Api.CreateClient().GetAsync($"/api/comments/{ours}/replies")).StatusCode);
        var crossReply = await here.PostAsJsonAsync($"/api/articles/{articleId}/comments", new { body = "Replying across sites.", parentId = theirs });
        await ProblemAssert.IsProblemAsync(crossReply, HttpStatusCode.BadRequest);
    }
}
