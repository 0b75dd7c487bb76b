using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comments.Testing;
using Microsoft.EntityFrameworkCore;

namespace Comments.Api.Tests;

/// <summary>A comment goes from HTTP through RabbitMQ and the worker into PostgreSQL and back out.</summary>
[Collection(StackCollection.Name)]
public sealed class PostAndReadTests(CommentsStack stack)
{
    [Fact]
    public async Task Posted_comment_is_accepted_approved_and_listed_on_its_article()
    {
        var articleId = TestData.NewArticleId();
        var author = stack.Api.CreateClientFor(TestData.NewUserId(), "Ada Reader");

        var response = await author.PostCommentAsync(articleId, "  A thoughtful <b>comment</b>.  ");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>(TestData.Json);
        var id = accepted.GetProperty("id").GetGuid();
        Assert.Equal("pending", accepted.GetProperty("status").GetString());
        Assert.Equal($"/api/comments/{id}", response.Headers.Location?.OriginalString);

        await author.WaitForStatusAsync(id, "approved");
        var page = await stack.Api.CreateClient().GetFromJsonAsync<JsonElement>($"/api/articles/{articleId}/comments", TestData.Json);
        var item = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal(id, item.GetProperty("id").GetGuid());
        Assert.Equal("A thoughtful <b>comment</b>.", item.GetProperty("body").GetString());
        Assert.Equal("Ada Reader", item.GetProperty("authorName").GetString());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("nextCursor").ValueKind);

        await using var db = TestServices.CreateDbContext();
        var decision = await db.Decisions.SingleAsync(d => d.CommentId == id);
        Assert.Equal("system", decision.Actor);
    }

    [Fact]
    public async Task Author_sees_own_pending_comment_while_others_get_404_until_it_is_approved()
    {
        var articleId = TestData.NewArticleId();
        var author = stack.Api.CreateClientFor(TestData.NewUserId());
        var otherReader = stack.Api.CreateClientFor(TestData.NewUserId());
        var anonymous = stack.Api.CreateClient();

        await stack.StopWorkerAsync();
        Guid id;
        try
        {
            id = await author.PostAcceptedCommentAsync(articleId, "Waiting for the worker");

            var seenByAuthor = await author.GetCommentAsync(id);
            Assert.Equal("pending", seenByAuthor?.GetProperty("status").GetString());
            Assert.Equal(HttpStatusCode.NotFound, (await otherReader.GetAsync($"/api/comments/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/comments/{id}")).StatusCode);
            var page = await anonymous.GetFromJsonAsync<JsonElement>($"/api/articles/{articleId}/comments", TestData.Json);
            Assert.Empty(page.GetProperty("items").EnumerateArray());
        }
        finally
        {
            await stack.StartWorkerAsync();
        }

        // The broker kept the message while no worker was running.
        await otherReader.WaitForStatusAsync(id, "approved");
    }

    [Fact]
    public async Task Author_sees_a_reader_reason_for_a_rejected_comment_that_others_cannot_see()
    {
        var articleId = TestData.NewArticleId();
        var author = stack.Api.CreateClientFor(TestData.NewUserId());

        var id = await author.PostAcceptedCommentAsync(articleId, "You people are a f.u.c.k.i.n.g disgrace");

        var rejected = await author.WaitForStatusAsync(id, "rejected");
        var reason = Assert.Single(rejected!.Value.GetProperty("reasons").EnumerateArray());
        Assert.Equal("BANNED_WORD", reason.GetProperty("code").GetString());
        Assert.Equal("rejected: contains a word this site does not allow", reason.GetProperty("message").GetString());
        Assert.DoesNotContain("score", rejected.Value.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.NotFound, (await stack.Api.CreateClient().GetAsync($"/api/comments/{id}")).StatusCode);
    }

    [Fact]
    public async Task Listing_pages_return_every_approved_comment_exactly_once_newest_first()
    {
        var articleId = TestData.NewArticleId();
        var author = stack.Api.CreateClientFor(TestData.NewUserId());
        var ids = new List<Guid>();
        for (var i = 0; i < 23; i++)
        {
            ids.Add(await author.PostAcceptedCommentAsync(articleId, $"Comment number {i}"));
        }
        await Eventually.Until(() => ApprovedCountAsync(articleId), count => count == ids.Count, what: "all comments approved");

        var seen = new List<Guid>();
        string? cursor = null;
        var reader = stack.Api.CreateClient();
        do
        {
            var url = $"/api/articles/{articleId}/comments?limit=5" + (cursor is null ? "" : $"&cursor={cursor}");
            var page = await reader.GetFromJsonAsync<JsonElement>(url, TestData.Json);
            var items = page.GetProperty("items").EnumerateArray().ToList();
            Assert.InRange(items.Count, 1, 5);
            seen.AddRange(items.Select(item => item.GetProperty("id").GetGuid()));
            cursor = page.GetProperty("nextCursor").GetString();
        } while (cursor is not null);

        Assert.Equal(ids.Count, seen.Distinct().Count());
        Assert.Equal(Enumerable.Reverse(ids), seen);
    }

    [Fact]
    public async Task Default_page_holds_twenty_comments()
    {
        var articleId = TestData.NewArticleId();
        var author = stack.Api.CreateClientFor(TestData.NewUserId());
        for (var i = 0; i < 21; i++)
        {
            await author.PostAcceptedCommentAsync(articleId, $"c{i}");
        }
        await Eventually.Until(() => ApprovedCountAsync(articleId), count => count == 21, what: "all comments approved");

        var page = await stack.Api.CreateClient().GetFromJsonAsync<JsonElement>($"/api/articles/{articleId}/comments", TestData.Json);

        Assert.Equal(20, page.GetProperty("items").GetArrayLength());
        Assert.NotNull(page.GetProperty("nextCursor").GetString());
    }

    private static async Task<int> ApprovedCountAsync(string articleId)
    {
        await using var db = TestServices.CreateDbContext();
        return await db.Comments.CountAsync(c => c.ArticleId == articleId && c.Status == Storage.Comments.CommentStatus.Approved);
    }
}
