using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comments.Testing;

namespace Comments.Api.Tests;

/// <summary>GET /api/articles/counts: published counts for a host site's index page, in one request.</summary>
[Collection(StackCollection.Name)]
public sealed class ArticleCountsTests(CommentsStack stack)
{
    private static async Task<List<(string ArticleId, int Count)>> CountsAsync(HttpClient client, string ids)
    {
        var answer = await client.GetFromJsonAsync<JsonElement>($"/api/articles/counts?ids={ids}", TestData.Json);
        return [.. answer.GetProperty("articles").EnumerateArray().Select(a => (a.GetProperty("articleId").GetString()!, a.GetProperty("publishedCount").GetInt32()))];
    }

    [Fact]
    public async Task Each_article_gets_its_published_count_in_the_order_asked_duplicates_once_and_unknown_ones_zero()
    {
        var busy = TestData.NewArticleId();
        var quiet = TestData.NewArticleId();
        var unknown = TestData.NewArticleId();
        var reader = stack.Api.CreateClientFor(TestData.NewUserId());
        var first = await reader.PostPublishedAsync(busy, "The first word on the barrier.");
        await reader.PostPublishedReplyAsync(busy, first, "And a reply, which counts too.");
        await reader.PostPublishedAsync(quiet, "The only comment here.");
        var held = await reader.PostAcceptedCommentAsync(busy, "The mayor talks utter bullshit about the flood money.");
        await reader.WaitForStatusAsync(held, "held");

        var counts = await Eventually.Until(() => CountsAsync(stack.Api.CreateClient(), $"{quiet},{busy},{unknown},{busy}"),
            c => c.Count == 3 && c[1].Count == 2, what: "both published comments in the busy article's count");

        Assert.Equal([(quiet, 1), (busy, 2), (unknown, 0)], counts);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a,,b")]
    [InlineData("a,b c")]
    [InlineData("a,%3Cscript%3E")]
    [InlineData("a,b,")]
    public async Task A_list_with_a_bad_key_is_refused(string ids)
    {
        var response = await stack.Api.CreateClient().GetAsync($"/api/articles/counts?ids={ids}");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestData.Json);
        Assert.True(problem.GetProperty("errors").TryGetProperty("ids", out _));
    }

    [Fact]
    public async Task At_most_a_hundred_articles_per_request_counted_after_duplicates_collapse()
    {
        var hundred = string.Join(",", Enumerable.Range(0, 100).Select(i => $"index-article-{i}"));

        Assert.Equal(100, (await CountsAsync(stack.Api.CreateClient(), hundred + ",index-article-7")).Count);
        await ProblemAssert.IsProblemAsync(await stack.Api.CreateClient().GetAsync($"/api/articles/counts?ids={hundred},index-article-100"), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(await stack.Api.CreateClient().GetAsync("/api/articles/counts"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_cached_answer_is_evicted_when_a_listed_article_gets_a_comment()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?> { ["ListingCache:Duration"] = "01:00:00" });
        var articleId = TestData.NewArticleId();
        var other = TestData.NewArticleId();
        var url = $"/api/articles/counts?ids={other},{articleId}";
        var before = await api.CreateClient().GetAsync(url);
        Assert.Equal(before.Headers.ETag, (await api.CreateClient().GetAsync(url)).Headers.ETag);

        await api.CreateClientFor(TestData.NewUserId()).PostPublishedAsync(articleId, "Counted on the index page.");

        var counts = await Eventually.Until(() => CountsAsync(api.CreateClient(), $"{other},{articleId}"), c => c[1].Count == 1,
            what: "the cached count to be evicted by the decision");
        Assert.Equal([(other, 0), (articleId, 1)], counts);
    }

    [Fact]
    public async Task Host_sites_may_read_counts_from_their_own_pages_and_others_may_not()
    {
        await using var configured = new ApiFactory(new Dictionary<string, string?>
        {
            ["Embed:AllowedOrigins:0"] = "https://news.example",
            ["Auth:SigningKey"] = "production-key-from-the-environment-0123456789",
            ["Auth:Issuer"] = "https://news.example",
        }, "Production");

        async Task<HttpResponseMessage> FromAsync(string origin)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/api/articles/counts?ids=a1,a2");
            request.Headers.Add("Origin", origin);
            return await configured.CreateClient().SendAsync(request);
        }

        var allowed = await FromAsync("https://news.example");
        var refused = await FromAsync("https://evil.example");

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal("https://news.example", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal(HttpStatusCode.OK, (await configured.CreateClient().GetAsync("/count.js")).StatusCode);
    }
}
