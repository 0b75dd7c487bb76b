using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Comments.Api.Tests;

/// <summary>Refused requests get a ProblemDetails answer and leave nothing behind: not stored, not published.</summary>
[Collection(StackCollection.Name)]
public sealed class ValidationTests(CommentsStack stack)
{
    public static TheoryData<string, string, HttpStatusCode> BadBodies => new()
    {
        { "blank body", """{"body":"   "}""", HttpStatusCode.BadRequest },
        { "missing body", """{}""", HttpStatusCode.BadRequest },
        { "null body", """{"body":null}""", HttpStatusCode.BadRequest },
        { "too long after trimming", JsonSerializer.Serialize(new { body = new string('a', 5001) }), HttpStatusCode.BadRequest },
        { "NUL character", """{"body":"hello\u0000world"}""", HttpStatusCode.BadRequest },
        { "malformed JSON", """{"body": "unterminated""", HttpStatusCode.BadRequest },
        { "body of the wrong type", """{"body": 42}""", HttpStatusCode.BadRequest },
        { "parentId that is not a uuid", """{"body":"hi","parentId":"not-a-uuid"}""", HttpStatusCode.BadRequest },
        { "JSON that is not an object", """["hi"]""", HttpStatusCode.BadRequest },
        { "over 64 KB", JsonSerializer.Serialize(new { body = new string('a', 70_000) }), HttpStatusCode.RequestEntityTooLarge },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_body_is_refused_with_problem_details_and_nothing_is_stored(string because, string json, HttpStatusCode expected)
    {
        var articleId = TestData.NewArticleId();
        var client = stack.Api.CreateClientFor(TestData.NewUserId());

        var response = await client.PostAsync($"/api/articles/{articleId}/comments", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.True(expected == response.StatusCode, $"{because}: got {(int)response.StatusCode}");
        await ProblemAssert.IsProblemAsync(response, expected);
        await AssertNothingGotThroughAsync(client, articleId);
    }

    [Theory]
    [InlineData("has%20space")]
    [InlineData("semi;colon")]
    [InlineData("%C3%A9t%C3%A9")]
    public async Task Invalid_article_key_is_refused(string articleId)
    {
        var client = stack.Api.CreateClientFor(TestData.NewUserId());

        var response = await client.PostCommentAsync(articleId, "hello");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Article_key_of_201_characters_is_refused_and_200_accepted()
    {
        var client = stack.Api.CreateClientFor(TestData.NewUserId());

        var tooLong = await client.PostCommentAsync(new string('k', 201), "hello");
        var longest = await client.PostCommentAsync("a:b-c_d." + new string('k', 192), "hello");

        await ProblemAssert.IsProblemAsync(tooLong, HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.Accepted, longest.StatusCode);
    }

    [Fact]
    public async Task Wrong_content_type_is_refused()
    {
        var articleId = TestData.NewArticleId();
        var client = stack.Api.CreateClientFor(TestData.NewUserId());

        var response = await client.PostAsync($"/api/articles/{articleId}/comments", new StringContent("body=hello", Encoding.UTF8, "text/plain"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        await AssertNothingGotThroughAsync(client, articleId);
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=101")]
    [InlineData("limit=-5")]
    [InlineData("limit=abc")]
    [InlineData("cursor=not-a-cursor")]
    [InlineData("cursor=MTIzOmFiYw")]
    public async Task Bad_listing_parameters_are_refused(string query)
    {
        var response = await stack.Api.CreateClient().GetAsync($"/api/articles/{TestData.NewArticleId()}/comments?{query}");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    /// <summary>
    /// Posts a valid comment behind the refused one and waits for it: the queue is in order, so once the valid one is
    /// stored, anything the refused request had sent would be stored too.
    /// </summary>
    private static async Task AssertNothingGotThroughAsync(HttpClient client, string articleId)
    {
        var sentinel = await client.PostAcceptedCommentAsync(articleId, "sentinel");
        await client.WaitForStatusAsync(sentinel, "approved");
        Assert.Equal(1, await TestData.StoredCommentCountAsync(articleId));
    }
}
