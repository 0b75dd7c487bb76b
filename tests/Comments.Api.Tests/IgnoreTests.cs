using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comments.Testing;

namespace Comments.Api.Tests;

/// <summary>Issue 20: a reader ignores another; that reader's comments and replies leave their listings, and nobody else's.</summary>
[Collection(StackCollection.Name)]
public sealed class IgnoreTests(CommentsStack stack)
{
    private static async Task<List<Guid>> ListedAsync(HttpResponseMessage response)
    {
        var page = await response.Content.ReadFromJsonAsync<JsonElement>(TestData.Json);
        return [.. page.GetProperty("items").EnumerateArray()
            .SelectMany(c => c.GetProperty("replies").EnumerateArray().Prepend(c)).Select(c => c.GetProperty("id").GetGuid())];
    }

    [Fact]
    public async Task An_ignored_readers_comments_and_replies_leave_the_ignorers_listing_but_the_cached_public_one_is_untouched()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?> { ["ListingCache:Duration"] = "01:00:00" });
        var articleId = TestData.NewArticleId();
        var url = $"/api/articles/{articleId}/comments";
        var trollId = TestData.NewUserId("troll");
        var troll = api.CreateClientFor(trollId, "Troll");
        var other = api.CreateClientFor(TestData.NewUserId(), "Other");
        var readerId = TestData.NewUserId();
        var reader = api.CreateClientFor(readerId, "Reader");
        var bystander = api.CreateClientFor(TestData.NewUserId(), "Bystander");
        var trolls = await troll.PostPublishedAsync(articleId, "A top-level comment from the troll.");
        var others = await other.PostPublishedAsync(articleId, "A fair point about the harbour.");
        var trollReply = await troll.PostPublishedReplyAsync(articleId, others, "The troll replies to it.");
        var replyUnderTroll = await other.PostPublishedReplyAsync(articleId, trolls, "Someone answers the troll.");
        var anonymous = api.CreateClient();
        // Two answers in a row with one ETag: the entry holds all four and no eviction is still on its way.
        var (cached, _) = await Eventually.Until(async () =>
            {
                var first = await anonymous.GetAsync(url);
                var second = await anonymous.GetAsync(url);
                return (second, Same: (await ListedAsync(first)).Count == 4 && first.Headers.ETag?.Tag == second.Headers.ETag?.Tag);
            },
            listed => listed.Same, what: "all four comments in the cached public listing");

        Assert.Equal(HttpStatusCode.NoContent, (await reader.PutAsync($"/api/me/ignored/{trollId}", null)).StatusCode);
        var filtered = await ListedAsync(await reader.GetAsync(url));
        var replies = await reader.GetFromJsonAsync<JsonElement>($"/api/comments/{others}/replies", TestData.Json);

        Assert.Equal([others], filtered);
        Assert.Empty(replies.GetProperty("items").EnumerateArray());
        var afterwards = await anonymous.GetAsync(url);
        Assert.Equal(cached.Headers.ETag, afterwards.Headers.ETag);
        Assert.Equal(4, (await ListedAsync(afterwards)).Count);
        Assert.Equal(4, (await ListedAsync(await bystander.GetAsync(url))).Count);
        Assert.DoesNotContain(replyUnderTroll, filtered);
        Assert.DoesNotContain(trollReply, filtered);

        Assert.Equal(HttpStatusCode.NoContent, (await reader.DeleteAsync($"/api/me/ignored/{trollId}")).StatusCode);
        Assert.Equal(4, (await ListedAsync(await reader.GetAsync(url))).Count);
    }

    [Fact]
    public async Task The_list_names_whom_the_reader_ignores_and_is_theirs_alone()
    {
        var authorId = TestData.NewUserId();
        await stack.Api.CreateClientFor(authorId, "Loud Larry").PostPublishedAsync(TestData.NewArticleId(), "Something loud about the harbour.");
        var reader = stack.Api.CreateClientFor(TestData.NewUserId());
        var neverCommented = TestData.NewUserId();

        Assert.Equal(HttpStatusCode.NoContent, (await reader.PutAsync($"/api/me/ignored/{authorId}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await reader.PutAsync($"/api/me/ignored/{authorId}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await reader.PutAsync($"/api/me/ignored/{neverCommented}", null)).StatusCode);
        var list = (await reader.GetFromJsonAsync<JsonElement>("/api/me/ignored", TestData.Json)).EnumerateArray().ToList();
        var others = await stack.Api.CreateClientFor(TestData.NewUserId()).GetFromJsonAsync<JsonElement>("/api/me/ignored", TestData.Json);

        Assert.Equal([neverCommented, authorId], list.Select(i => i.GetProperty("userId").GetString()));
        Assert.Equal("Loud Larry", list[1].GetProperty("name").GetString());
        Assert.Equal(0, others.GetArrayLength());
        Assert.Equal(HttpStatusCode.Unauthorized, (await stack.Api.CreateClient().GetAsync("/api/me/ignored")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await stack.Api.CreateClient().PutAsync($"/api/me/ignored/{authorId}", null)).StatusCode);
    }

    [Fact]
    public async Task Ignoring_yourself_or_an_overlong_id_is_a_400_and_the_cap_is_a_409()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?> { ["Ignoring:MaxIgnoredReaders"] = "2" });
        var readerId = TestData.NewUserId();
        var reader = api.CreateClientFor(readerId);

        await ProblemAssert.IsProblemAsync(await reader.PutAsync($"/api/me/ignored/{readerId}", null), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(await reader.PutAsync($"/api/me/ignored/{new string('x', 201)}", null), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(await reader.DeleteAsync($"/api/me/ignored/{new string('x', 201)}"), HttpStatusCode.BadRequest);
        var first = TestData.NewUserId();
        Assert.Equal(HttpStatusCode.NoContent, (await reader.PutAsync($"/api/me/ignored/{first}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await reader.PutAsync($"/api/me/ignored/{TestData.NewUserId()}", null)).StatusCode);
        await ProblemAssert.IsProblemAsync(await reader.PutAsync($"/api/me/ignored/{TestData.NewUserId()}", null), HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, (await reader.PutAsync($"/api/me/ignored/{first}", null)).StatusCode);
        Assert.Equal(2, (await reader.GetFromJsonAsync<JsonElement>("/api/me/ignored", TestData.Json)).GetArrayLength());
    }
}
