using System.Net;

namespace Comments.Api.Tests;

/// <summary>The embed calls the API from the news site's own origin: only configured host sites are allowed.</summary>
[Collection(StackCollection.Name)]
public sealed class EmbedCorsTests
{
    private static async Task<HttpResponseMessage> PreflightAsync(ApiFactory api, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/articles/a1/comments");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return await api.CreateClient().SendAsync(request);
    }

    [Fact]
    public async Task Only_configured_host_sites_may_call_the_api_from_their_pages()
    {
        await using var configured = new ApiFactory(new Dictionary<string, string?>
        {
            ["Embed:AllowedOrigins:0"] = "https://news.example",
            ["Auth:SigningKey"] = "production-key-from-the-environment-0123456789",
            ["Auth:Issuer"] = "https://news.example",
        }, "Production");

        var allowed = await PreflightAsync(configured, "https://news.example");
        var refused = await PreflightAsync(configured, "https://evil.example");

        Assert.Equal("https://news.example", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal(HttpStatusCode.OK, (await configured.CreateClient().GetAsync("/embed.js")).StatusCode);
    }

    [Fact]
    public async Task Pages_carry_a_content_security_policy_with_the_configured_frame_ancestors_and_nosniff_everywhere()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?> { ["Embed:FrameAncestors"] = "https://news.example" });

        var page = await api.CreateClient().GetAsync("/demo/articles/a1");
        var json = await api.CreateClient().GetAsync("/api/articles/a1/comments");

        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors https://news.example", policy);
        Assert.Contains("script-src 'self'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.False(json.Headers.Contains("Content-Security-Policy"));
        // Only the API reference page, which shows no user content, may run its inline start-up script.
        var reference = await api.CreateClient().GetAsync("/scalar/v1");
        Assert.Contains("script-src 'self' 'unsafe-inline'", reference.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", json.Headers.GetValues("X-Content-Type-Options").Single());
    }
}
