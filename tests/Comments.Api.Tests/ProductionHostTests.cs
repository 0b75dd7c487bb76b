using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace Comments.Api.Tests;

/// <summary>Issue 17, part 8: an API started in Production has no development doors and tells an attacker nothing in its errors.</summary>
public sealed class ProductionHostTests
{
    private static readonly Dictionary<string, string?> ProductionAuth = new()
    {
        ["Auth:SigningKey"] = "production-key-from-the-environment-0123456789",
        ["Auth:Issuer"] = "https://news.example",
    };

    [Theory]
    [InlineData("POST", "/dev/tokens")]
    [InlineData("GET", "/demo/articles/flood-defences")]
    public async Task The_development_token_endpoint_and_the_demo_article_do_not_exist(string method, string path)
    {
        await using var production = new ApiFactory(ProductionAuth, "Production");

        var response = await production.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method == "POST" ? new StringContent("""{"userId":"x","roles":["admin"]}""", System.Text.Encoding.UTF8, "application/json") : null,
        });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task An_unexpected_failure_answers_500_problem_details_without_the_exception()
    {
        await using var failing = new ApiFactory(ProductionAuth, "Production", testServices: services => services.AddSingleton<TimeProvider>(new BrokenClock()));

        var response = await failing.CreateClient().GetAsync("/api/ping");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(BrokenClock.Secret, body);
        Assert.DoesNotContain("InvalidOperationException", body);
        Assert.DoesNotContain("at Comments.", body);
    }

    private sealed class BrokenClock : TimeProvider
    {
        public const string Secret = "connection-string-password-hunter2";

        public override DateTimeOffset GetUtcNow() => throw new InvalidOperationException($"Internal detail: {Secret}");
    }
}
