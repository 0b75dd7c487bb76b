using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Comments.Api.Tests;

/// <summary>Issue 20, the reader's own history: GET /api/me/comments across articles, every status with its reason, newest first.</summary>
[Collection(StackCollection.Name)]
public sealed class MyCommentsTests(CommentsStack stack)
{
    private HttpClient Moderator => stack.Api.CreateClientFor(TestData.NewUserId("moderator"), "M", "moderator");

    [Fact]
    public async Task A_reader_sees_their_comments_on_every_article_newest_first_with_status_and_reason()
    {
        var reader = stack.Api.CreateClientFor(TestData.NewUserId(), "Ada Reader");
        var published = await reader.PostPublishedAsync(TestData.NewArticleId(), "The flood money went to the right places.");
        var heldArticle = TestData.NewArticleId();
        var held = await reader.PostAcceptedCommentAsync(heldArticle, "The mayor talks utter bullshit about the flood money.");
        await reader.WaitForStatusAsync(held, "held");
        var rejected = await reader.PostPublishedAsync(TestData.NewArticleId(), "A comment a moderator will take down.");
        await Moderator.RejectAsync(rejected);
        var deleted = await reader.PostPublishedAsync(TestData.NewArticleId(), "Thought better of it.");
        Assert.Equal(HttpStatusCode.NoContent, (await reader.DeleteAsync($"/api/comments/{deleted}")).StatusCode);

        var items = (await reader.GetFromJsonAsync<JsonElement>("/api/me/comments", TestData.Json)).GetProperty("items").EnumerateArray().ToList();

        Assert.Equal([deleted, rejected, held, published], items.Select(i => i.GetProperty("id").GetGuid()));
        Assert.Equal(["deleted", "rejected", "held", "approved"], items.Select(i => i.GetProperty("status").GetString()));
        Assert.Equal(heldArticle, items[2].GetProperty("articleId").GetString());
        Assert.StartsWith("held for review: ", items[2].GetProperty("reasons")[0].GetProperty("message").GetString());
        Assert.StartsWith("rejected: ", items[1].GetProperty("reasons")[0].GetProperty("message").GetString());
        Assert.Equal(JsonValueKind.Null, items[0].GetProperty("body").ValueKind);
        Assert.DoesNotContain("score", items[2].GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Pages_follow_the_cursor_to_the_end_without_gaps_or_repeats()
    {
        var reader = stack.Api.CreateClientFor(TestData.NewUserId());
        var posted = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            posted.Add(await reader.PostPublishedAsync(TestData.NewArticleId(), $"Comment number {i} on the harbour plans."));
        }

        var seen = await reader.AllPagesAsync("/api/me/comments?x=1", limit: 2);

        Assert.Equal(Enumerable.Reverse(posted), seen);
    }

    [Fact]
    public async Task Another_reader_never_sees_these_comments_whatever_they_send()
    {
        var victimId = TestData.NewUserId();
        var victim = stack.Api.CreateClientFor(victimId);
        var held = await victim.PostAcceptedCommentAsync(TestData.NewArticleId(), "The mayor talks utter bullshit about the flood money.");
        await victim.WaitForStatusAsync(held, "held");
        var victimPage = await victim.GetFromJsonAsync<JsonElement>("/api/me/comments?limit=1", TestData.Json);
        var attacker = stack.Api.CreateClientFor(TestData.NewUserId("attacker"));

        var own = await attacker.GetStringAsync("/api/me/comments");
        var withTheirCursor = await attacker.GetAsync($"/api/me/comments?cursor={Uri.EscapeDataString(victimPage.GetProperty("nextCursor").GetString() ?? "")}");
        var withTheirId = await attacker.GetStringAsync($"/api/me/comments?userId={victimId}&authorId={victimId}");

        Assert.DoesNotContain(held.ToString(), own);
        Assert.DoesNotContain(held.ToString(), await withTheirCursor.Content.ReadAsStringAsync());
        Assert.DoesNotContain(held.ToString(), withTheirId);
        Assert.Equal(HttpStatusCode.Unauthorized, (await stack.Api.CreateClient().GetAsync("/api/me/comments")).StatusCode);
    }

    [Theory]
    [InlineData("cursor=not-a-cursor")]
    [InlineData("cursor=bmV3ZXN0OjA6MTc2NDY0MDAwMDAwMDAwMDowMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDow")]
    [InlineData("limit=0")]
    [InlineData("limit=101")]
    public async Task A_bad_page_request_is_a_400_problem(string query)
    {
        var reader = stack.Api.CreateClientFor(TestData.NewUserId());
        await ProblemAssert.IsProblemAsync(await reader.GetAsync($"/api/me/comments?{query}"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_cursor_from_an_articles_listing_is_refused()
    {
        var articleId = TestData.NewArticleId();
        var reader = stack.Api.CreateClientFor(TestData.NewUserId());
        await reader.PostPublishedAsync(articleId, "One on the listing.");
        await reader.PostPublishedAsync(articleId, "Two on the listing.");
        var listing = await global::Comments.Testing.Eventually.Until(
            () => reader.GetFromJsonAsync<JsonElement>($"/api/articles/{articleId}/comments?limit=1", TestData.Json),
            p => p.GetProperty("nextCursor").ValueKind == JsonValueKind.String, what: "a listing with a next page");

        var response = await reader.GetAsync($"/api/me/comments?cursor={Uri.EscapeDataString(listing.GetProperty("nextCursor").GetString()!)}");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }
}
