using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Comments.Api.Auth;
using Comments.Testing;
using Microsoft.Extensions.Options;

namespace Comments.Api.Tests;

[Collection(StackCollection.Name)]
public sealed class AuthenticationTests(CommentsStack stack)
{
    private const string Issuer = "https://news.example";
    private const string SiteId = "auth-tests-site";

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
    public async Task Tokens_for_another_issuer_or_audience_are_401()
    {
        var userId = TestData.NewUserId();
        string[] tokens =
        [
            stack.Api.TokenFor(userId, issuer: "https://another-site.example"),
            stack.Api.TokenFor(userId, audience: "another-service"),
        ];
        foreach (var token in tokens)
        {
            var articleId = TestData.NewArticleId();

            var response = await stack.Api.CreateClientWith(token).PostCommentAsync(articleId, "hello");

            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
            Assert.Equal(0, await TestData.StoredCommentCountAsync(articleId));
        }
    }

    [Fact]
    public async Task A_token_without_a_subject_is_401_even_with_a_staff_role()
    {
        // Correctly signed, but naming nobody: no comment without an author, no moderation by nobody.
        var reader = stack.Api.CreateClientWith(stack.Api.TokenFor(""));
        var admin = stack.Api.CreateClientWith(stack.Api.TokenFor("", name: "Nobody", roles: [Roles.Admin]));
        var namedAdmin = stack.Api.CreateClientFor(TestData.NewUserId("admin"), roles: Roles.Admin);

        await ProblemAssert.IsProblemAsync(await reader.PostCommentAsync(TestData.NewArticleId(), "hello"), HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(await reader.GetAsync("/api/help-requests/mine"), HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(await admin.GetAsync($"/api/moderation/queues?siteId={SiteId}"), HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await namedAdmin.GetAsync($"/api/moderation/queues?siteId={SiteId}")).StatusCode);
    }

    [Fact]
    public void Outside_development_the_api_refuses_to_start_without_an_issuer_or_a_way_to_check_signatures()
    {
        using var production = new ApiFactory(environment: "Production");

        var failure = Assert.Throws<OptionsValidationException>(() => production.StartServer());

        Assert.Contains(failure.Failures, message => message.StartsWith("Auth:Issuer must be set", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, message => message.StartsWith("Auth has no way to check a token's signature", StringComparison.Ordinal));
    }

    [Fact]
    public void Outside_development_the_api_refuses_to_start_with_the_committed_development_key()
    {
        var committed = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestServices.RepositoryRoot, "src", "Comments.Api", "appsettings.Development.json")))
            .RootElement.GetProperty("Auth").GetProperty("SigningKey").GetString();
        using var production = new ApiFactory(new Dictionary<string, string?> { ["Auth:SigningKey"] = committed, ["Auth:Issuer"] = Issuer }, "Production");

        var failure = Assert.Throws<OptionsValidationException>(() => production.StartServer());

        Assert.Equal(AuthOptions.DevelopmentSigningKey, committed);
        Assert.StartsWith("Auth:SigningKey is the development key committed to the repository", Assert.Single(failure.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_development_a_configured_key_is_used()
    {
        const string key = "production-key-from-the-environment-0123456789";
        await using var production = new ApiFactory(new Dictionary<string, string?> { ["Auth:SigningKey"] = key, ["Auth:Issuer"] = Issuer }, "Production");

        var accepted = production.CreateClient();
        accepted.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", production.TokenFor(TestData.NewUserId()));
        var refused = production.CreateClient();
        refused.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            production.TokenFor(TestData.NewUserId(), signingKey: "development-only-signing-key-change-me-0123456789"));

        Assert.Equal(HttpStatusCode.Accepted, (await accepted.PostCommentAsync(TestData.NewArticleId(), "hello")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await refused.PostCommentAsync(TestData.NewArticleId(), "hello")).StatusCode);
    }
}
