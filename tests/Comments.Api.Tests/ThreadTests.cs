using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Comments.Api.Tests;

/// <summary>Replies, nesting, sorted listings with first replies, reply pages and article stats.</summary>
[Collection(StackCollection.Name)]
public sealed class ThreadTests(CommentsStack stack)
{
    private HttpClient Anonymous => stack.Api.CreateClient();

    private async Task<Guid> ReplyAsync(HttpClient client, string articleId, Guid parentId, string body)
    {
        var response = await client.PostCommentAsync(articleId, body, parentId);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>(TestData.Json)).GetProperty("id").GetGuid();
        await client.WaitForStatusAsync(id, "approved");
        return id;
    }

    private async Task<Guid> TopLevelAsync(HttpClient client, string articleId, string body)
    {
        var id = await client.PostAcceptedCommentAsync(articleId, body);
        await client.WaitForStatusAsync(id, "approved");
        return id;
    }

    private async Task<JsonElement> PageAsync(string url) => await Anonymous.GetFromJsonAsync<JsonElement>(url, TestData.Json);

    [Fact]
    public async Task Replies_are_listed_under_their_parent_with_counts_and_paged()
    {
        var articleId = TestData.NewArticleId();
        var author = stack.Api.CreateClientFor(TestData.NewUserId());
        var top = await TopLevelAsync(author, articleId, "Top-level comment about the budget.");
        var replies = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            replies.Add(await ReplyAsync(author, articleId, top, $"Reply number {i} on the budget."));
        }

        var listing = await PageAsync($"/api/articles/{articleId}/comments");
        var item = Assert.Single(listing.GetProperty("items").EnumerateArray());
        Assert.Equal(5, item.GetProperty("replyCount").GetInt32());
        Assert.Equal(replies.Take(2), item.GetProperty("replies").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()));

        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await PageAsync($"/api/comments/{top}/replies?limit=2" + (cursor is null ? "" : $"&cursor={cursor}"));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()));
            cursor = page.GetProperty("nextCursor").GetString();
        } while (cursor is not null);
        Assert.Equal(replies, seen);
    }

    [Fact]
    public async Task Replies_nest_three_levels_and_deeper_ones_attach_to_the_deepest_allowed_ancestor()
    {
        var articleId = TestData.NewArticleId();
        var author = stack.Api.CreateClientFor(TestData.NewUserId());
        var top = await TopLevelAsync(author, articleId, "Level zero.");
        var first = await ReplyAsync(author, articleId, top, "Level one.");
        var second = await ReplyAsync(author, articleId, first, "Level two.");

        var third = await ReplyAsync(author, articleId, second, "Would be level three.");

        var placed = (await author.GetCommentAsync(third))!.Value;
        Assert.Equal(first, placed.GetProperty("parentId").GetGuid());
        Assert.Equal(2, placed.GetProperty("depth").GetInt32());
        Assert.Equal(2, (await author.GetCommentAsync(second))!.Value.GetProperty("depth").GetInt32());
    }

    [Fact]
    public async Task Parent_must_be_a_published_comment_on_the_same_article_or_the_authors_own()
    {
        var articleId = TestData.NewArticleId();
        var author = stack.Api.CreateClientFor(TestData.NewUserId());
        var other = stack.Api.CreateClientFor(TestData.NewUserId());
        var elsewhere = await TopLevelAsync(author, TestData.NewArticleId(), "On another article.");
        var held = await author.PostAcceptedCommentAsync(articleId, "The minister is full of bullshit.");
        await author.WaitForStatusAsync(held, "held");

        await ProblemAssert.IsProblemAsync(await author.PostCommentAsync(articleId, "Reply", Guid.NewGuid()), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(await author.PostCommentAsync(articleId, "Reply", elsewhere), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(await other.PostCommentAsync(articleId, "Reply", held), HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.Accepted, (await author.PostCommentAsync(articleId, "Replying to my own held comment.", held)).StatusCode);
    }

    [Fact]
    public async Task Listing_sorts_newest_oldest_and_most_replied()
    {
        var articleId = TestData.NewArticleId();
        var author = stack.Api.CreateClientFor(TestData.NewUserId());
        var a = await TopLevelAsync(author, articleId, "Comment A.");
        var b = await TopLevelAsync(author, articleId, "Comment B.");
        var c = await TopLevelAsync(author, articleId, "Comment C.");
        await ReplyAsync(author, articleId, b, "Reply one to B.");
        await ReplyAsync(author, articleId, b, "Reply two to B.");
        await ReplyAsync(author, articleId, a, "Reply one to A.");

        async Task<Guid[]> Order(string sort) => [.. (await PageAsync($"/api/articles/{articleId}/comments?sort={sort}"))
            .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];

        Assert.Equal([c, b, a], await Order("newest"));
        Assert.Equal([a, b, c], await Order("oldest"));
        Assert.Equal([b, a, c], await Order("most_replied"));
        await ProblemAssert.IsProblemAsync(await Anonymous.GetAsync($"/api/articles/{articleId}/comments?sort=hottest"), HttpStatusCode.BadRequest);
        var newestCursor = (await PageAsync($"/api/articles/{articleId}/comments?limit=1")).GetProperty("nextCursor").GetString();
        await ProblemAssert.IsProblemAsync(await Anonymous.GetAsync($"/api/articles/{articleId}/comments?sort=oldest&cursor={newestCursor}"), HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("newest")]
    [InlineData("oldest")]
    public async Task Paging_while_comments_arrive_shows_each_earlier_comment_exactly_once(string sort)
    {
        var articleId = TestData.NewArticleId();
        var author = stack.Api.CreateClientFor(TestData.NewUserId());
        var before = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            before.Add(await author.PostAcceptedCommentAsync(articleId, $"Early comment {i}."));
        }
        await global::Comments.Testing.Eventually.Until(async () => (await PageAsync($"/api/articles/{articleId}/comments?limit=100")).GetProperty("items").GetArrayLength(),
            count => count == 12, what: "12 approved");

        var seen = new List<Guid>();
        string? cursor = null;
        var round = 0;
        do
        {
            var page = await PageAsync($"/api/articles/{articleId}/comments?sort={sort}&limit=4" + (cursor is null ? "" : $"&cursor={cursor}"));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
            cursor = page.GetProperty("nextCursor").GetString();
            // Comments published between two page reads: the next page must neither repeat nor skip an earlier one.
            for (var i = 0; i < 3; i++)
            {
                await author.WaitForStatusAsync(await author.PostAcceptedCommentAsync(articleId, $"Late comment {round}-{i}."), "approved");
            }
            round++;
        } while (cursor is not null && round < 20);

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.All(before, id => Assert.Contains(id, seen));
    }

    [Fact]
    public async Task Stats_count_published_comments_and_follow_deletes()
    {
        var articleId = TestData.NewArticleId();
        var author = stack.Api.CreateClientFor(TestData.NewUserId());
        var first = await TopLevelAsync(author, articleId, "One.");
        await TopLevelAsync(author, articleId, "Two.");
        await ReplyAsync(author, articleId, first, "Three, a reply.");

        var stats = await PageAsync($"/api/articles/{articleId}/stats");
        Assert.Equal(3, stats.GetProperty("publishedCount").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, stats.GetProperty("lastActivityAt").ValueKind);

        Assert.Equal(HttpStatusCode.NoContent, (await author.DeleteAsync($"/api/comments/{first}")).StatusCode);
        Assert.Equal(2, (await PageAsync($"/api/articles/{articleId}/stats")).GetProperty("publishedCount").GetInt32());
        Assert.Equal(0, (await PageAsync($"/api/articles/{TestData.NewArticleId()}/stats")).GetProperty("publishedCount").GetInt32());
    }
}
