using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Comments.Api.Tests;

/// <summary>
/// A generated corpus of hostile requests against every endpoint: no 5xx, every 4xx a ProblemDetails, and the service
/// still healthy afterwards. Route values point nowhere and moderation calls use a throw-away site.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class HostileInputTests(CommentsStack stack)
{
    private static readonly string[] Texts =
    [
        "", " ", "\u0000", "a\u0000b", new string('x', 100_000), "\u202Eevil\u202C", "e" + new string('\u0301', 5000), "😀🔥💬", "' OR 1=1; DROP TABLE comments; --",
        "<script>alert(1)</script>", "{{7*7}}", "%00%0d%0a", "\uD800", new string('\n', 3000), "null", "-1", "1e309",
    ];

    private static readonly string[] Bodies =
    [
        "", "{", "[]", "null", "42", "\"text\"", "{\"body\": 12}", "{\"body\": {\"a\": 1}}", "{\"body\": [1,2]}", "{\"parentId\": \"nope\", \"body\": \"x\"}",
        "{\"action\": \"approve\", \"version\": -1}", "{\"version\": 99999999999999}", "{\"items\": \"no\"}", "{\"items\": [null]}", "{\"entries\": [null, 1]}",
        "{\"reason\": \"../../etc\"}", "{\"minLength\": -5}", "{\"status\": \"done\"}", "{\"duration\": \"-3h\", \"reason\": \"x\"}",
        new string('[', 5000) + new string(']', 5000),
        "{\"body\": \"" + new string('a', 70_000) + "\"}",
    ];

    private static readonly string[] Queries =
    [
        "limit=-1", "limit=0", "limit=1000000", "limit=abc", "cursor=" + new string('A', 5000), "cursor=%00", "cursor=bmV3ZXN0OjA6LTk5OTk5OTk5OTk5OTk5OTk5OTk5OjAw",
        "sort=%27%3Bdrop", "from=notadate", "from=9999-12-31&to=0001-01-01", "email=%00", "siteId=UPPER", "siteId=" + new string('s', 300), "articleId=%3Cscript%3E",
    ];

    private static readonly string[] RouteValues = ["..%2F..%2Fetc", new string('9', 300), "%F0%9F%98%80", "not-a-guid", "'%20OR%201=1"];

    [Fact]
    public async Task A_thousand_hostile_requests_get_no_5xx_every_4xx_is_problem_details_and_the_service_stays_healthy()
    {
        var endpoints = stack.Api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(method => (Method: method, Pattern: e.RoutePattern.RawText!)))
            .ToList();
        var admin = stack.Api.TokenFor("hostile-admin", roles: ["admin", "moderator", "support"]);
        var reader = stack.Api.TokenFor("hostile-reader");
        // Bodies go only when the server reads them (Expect: 100-continue). A handler that answers without reading a
        // large body (401, 403, 404) may otherwise close the connection while the client still writes: a broken pipe.
        using var client = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromMinutes(1) })
        {
            BaseAddress = stack.Api.CreateClient().BaseAddress,
        };
        var failures = new List<string>();
        var sent = 0;

        foreach (var (method, pattern) in endpoints)
        {
            // Every variant as the admin (who reaches every handler) and as a reader (who must be refused cleanly).
            foreach (var (request, token) in Variants(method, pattern).Select(r => (r, admin)).Concat(Variants(method, pattern).Select(r => (r, reader))))
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                request.Headers.ExpectContinue = request.Content is not null;
                var described = $"{method} {request.RequestUri}";
                // Headers only: a live event stream answers 200 and never ends; disposing the response closes it.
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                sent++;
                var status = (int)response.StatusCode;
                if (status >= 500)
                {
                    failures.Add($"{described} -> {status}");
                }
                else if (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    failures.Add($"{described} -> {status} without ProblemDetails");
                }
            }
        }

        Assert.True(sent >= 1000, $"only {sent} requests");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} failed:{Environment.NewLine}{string.Join(Environment.NewLine, failures.Take(40).Select(f => f.Length > 300 ? f[..300] : f))}");
        // A NUL in the path never reaches the application: Kestrel refuses the request line itself (400, empty body).
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/articles/%00/comments")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        var id = await stack.Api.CreateClientFor(TestData.NewUserId()).PostAcceptedCommentAsync(TestData.NewArticleId(), "Still working after the storm.");
        await stack.Api.CreateClientFor("x").WaitForStatusAsync(id, "approved");
    }

    private static IEnumerable<HttpRequestMessage> Variants(string method, string pattern)
    {
        // The OpenAPI document's name is the one document there is (another name is a plain 404 from the library).
        string Path(string value) => pattern.Replace("{documentName}", "v1").Replace("{documentName?}", "v1").Replace("{id:guid}", Guid.NewGuid().ToString()).Replace("{articleId}", value).Replace("{queue}", value)
            .Replace("{kind}", value).Replace("{userId}", value).Replace("{action}", value).Replace("{reference}", value).Replace("{id}", value);
        var site = "siteId=hostile-site";
        var hasBody = method is "POST" or "PUT" or "PATCH";
        foreach (var value in RouteValues)
        {
            yield return new HttpRequestMessage(new HttpMethod(method), $"{Path(value)}?{site}") { Content = hasBody ? Json("{}") : null };
        }
        foreach (var query in Queries)
        {
            yield return new HttpRequestMessage(new HttpMethod(method), $"{Path("hostile")}?{site}&{query}") { Content = hasBody ? Json("{}") : null };
        }
        if (!hasBody)
        {
            yield break;
        }
        foreach (var body in Bodies)
        {
            yield return new HttpRequestMessage(new HttpMethod(method), $"{Path("hostile")}?{site}") { Content = Json(body) };
        }
        foreach (var text in Texts)
        {
            var json = JsonSerializer.Serialize(new { body = text, message = text, reason = text, email = text, category = text, details = text, action = text, entries = new[] { text } });
            yield return new HttpRequestMessage(new HttpMethod(method), $"{Path("hostile")}?{site}") { Content = Json(json) };
        }
        yield return new HttpRequestMessage(new HttpMethod(method), $"{Path("hostile")}?{site}")
        {
            Content = new ByteArrayContent([0x7B, 0x22, 0x62, 0x6F, 0x64, 0x79, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0xFF, 0xFE, 0x22, 0x7D]) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        yield return new HttpRequestMessage(new HttpMethod(method), $"{Path("hostile")}?{site}") { Content = new StringContent("<xml/>", Encoding.UTF8, "application/xml") };
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
