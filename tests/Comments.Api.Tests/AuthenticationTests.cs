using System.Net;
using System.Net.Http.Headers;

namespace Comments.Api.Tests;

[Collection(StackCollection.Name)]
public sealed class AuthenticationTests(CommentsStack stack)
{
    [Fact]
    public async Task Posting_without_a_token_is_401_problem_details()
    {
        var articleId = TestData.NewArticleId();

        var response = await stack.Api.CreateClient().PostCommentAsync(articleId, "hello");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal(0, await TestData.StoredCommentCountAsync(articleId));
    }

    [Fact]
    public async Task Tokens_that_are_forged_expired_or_garbage_are_401()
    {
        var userId = TestData.NewUserId();
        string[] tokens =
        [
            stack.Api.TokenFor(userId, signingKey: "a-key-the-host-site-never-used-0123456789"),
            stack.Api.TokenFor(userId, expires: DateTime.UtcNow.AddMinutes(-10)),
            "not.a.jwt",
        ];
        foreach (var token in tokens)
        {
            var client = stack.Api.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

            var response = await client.PostCommentAsync(TestData.NewArticleId(), "hello");

            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        }
    }

    [Fact]
    public async Task Comment_carries_the_token_subject_and_name_not_anything_in_the_body()
    {
        var articleId = TestData.NewArticleId();
        var userId = TestData.NewUserId();
        var client = stack.Api.CreateClientFor(userId, "Grace");

        var id = await client.PostAcceptedCommentAsync(articleId, "hello");
        var comment = await client.WaitForStatusAsync(id, "approved");

        Assert.Equal(userId, comment!.Value.GetProperty("authorId").GetString());
        Assert.Equal("Grace", comment.Value.GetProperty("authorName").GetString());
    }

    [Fact]
    public void Outside_development_the_api_refuses_to_start_without_a_signing_key()
    {
        using var production = new ApiFactory(environment: "Production");

        var failure = Assert.ThrowsAny<Exception>(() => production.CreateClient());

        Assert.Contains("SigningKey", failure.ToString());
    }

    [Fact]
    public async Task Outside_development_a_configured_key_is_used()
    {
        const string key = "production-key-from-the-environment-0123456789";
        await using var production = new ApiFactory(new Dictionary<string, string?> { ["Auth:SigningKey"] = key }, "Production");

        var accepted = production.CreateClient();
        accepted.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", production.TokenFor(TestData.NewUserId()));
        var refused = production.CreateClient();
        refused.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            production.TokenFor(TestData.NewUserId(), signingKey: "development-only-signing-key-change-me-0123456789"));

        Assert.Equal(HttpStatusCode.Accepted, (await accepted.PostCommentAsync(TestData.NewArticleId(), "hello")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await refused.PostCommentAsync(TestData.NewArticleId(), "hello")).StatusCode);
    }
}
