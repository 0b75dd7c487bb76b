using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Comments.Api.Tests;

/// <summary>
/// Every endpoint, enumerated from the app's own endpoint metadata, times every kind of caller. An endpoint missing
/// from <see cref="Access"/> fails the test, so a new endpoint cannot be forgotten.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class AuthorizationMatrixTests(CommentsStack stack)
{
    internal enum Who { Public, Commenter, Moderator, Support, Admin }

    internal static readonly Dictionary<string, Who> Access = new()
    {
        // Mapped without HTTP method metadata: any method reaches them, so they are listed as ANY and tried with GET.
        ["ANY /health/live"] = Who.Public,
        ["ANY /health/ready"] = Who.Public,
        ["POST /api/articles/{articleId}/comments"] = Who.Commenter,
        ["POST /api/comments/check"] = Who.Commenter,
        ["PATCH /api/comments/{id:guid}"] = Who.Commenter,
        ["DELETE /api/comments/{id:guid}"] = Who.Commenter,
        ["GET /api/articles/{articleId}/comments"] = Who.Public,
        ["GET /api/articles/{articleId}/stats"] = Who.Public,
        ["GET /api/articles/counts"] = Who.Public,
        ["GET /api/texts/"] = Who.Public,
        ["GET /api/articles/{articleId}/comments/mine"] = Who.Commenter,
        ["GET /api/comments/{id:guid}"] = Who.Public,
        ["GET /api/comments/{id:guid}/replies"] = Who.Public,
        ["GET /api/articles/{articleId}/events"] = Who.Public,
        ["POST /api/comments/{id:guid}/reports/"] = Who.Commenter,
        ["POST /api/comments/{id:guid}/notices"] = Who.Public,
        ["GET /api/legal/notice-categories"] = Who.Public,
        ["GET /api/moderation/legal/notices"] = Who.Moderator,
        ["POST /api/moderation/legal/notices/{id:guid}/decision"] = Who.Moderator,
        ["POST /api/moderation/legal/notices/{id:guid}/notifier-suspension"] = Who.Moderator,
        ["GET /legal"] = Who.Public,
        ["PUT /api/comments/{id:guid}/reactions/respect/"] = Who.Commenter,
        ["DELETE /api/comments/{id:guid}/reactions/respect/"] = Who.Commenter,
        ["GET /api/moderation/settings"] = Who.Moderator,
        ["PUT /api/moderation/settings"] = Who.Moderator,
        ["GET /api/moderation/articles/{articleId}/settings"] = Who.Moderator,
        ["PUT /api/moderation/articles/{articleId}/settings"] = Who.Moderator,
        ["GET /api/moderation/articles"] = Who.Moderator,
        ["DELETE /api/moderation/articles/{articleId}/protection"] = Who.Moderator,
        ["GET /api/moderation/settings/changes"] = Who.Moderator,
        ["GET /api/moderation/wordlists/{kind}"] = Who.Moderator,
        ["PUT /api/moderation/wordlists/{kind}"] = Who.Moderator,
        ["GET /api/moderation/examples"] = Who.Moderator,
        ["PUT /api/moderation/examples"] = Who.Moderator,
        ["GET /api/moderation/queues"] = Who.Moderator,
        ["GET /api/moderation/queues/{queue}"] = Who.Moderator,
        ["GET /api/moderation/search"] = Who.Moderator,
        ["POST /api/moderation/next"] = Who.Moderator,
        ["POST /api/moderation/comments/{id:guid}/claim"] = Who.Moderator,
        ["DELETE /api/moderation/comments/{id:guid}/claim"] = Who.Moderator,
        ["POST /api/moderation/comments/{id:guid}/decision"] = Who.Moderator,
        ["POST /api/moderation/decisions"] = Who.Moderator,
        ["PUT /api/moderation/comments/{id:guid}/featured"] = Who.Moderator,
        ["DELETE /api/moderation/comments/{id:guid}/featured"] = Who.Moderator,
        ["GET /api/moderation/users/{userId}"] = Who.Moderator,
        ["POST /api/moderation/users/{userId}/{action}"] = Who.Moderator,
        ["GET /api/moderation/users/{userId}/notes"] = Who.Moderator,
        ["POST /api/moderation/users/{userId}/notes"] = Who.Moderator,
        ["GET /api/moderation/comments/{id:guid}/notes"] = Who.Moderator,
        ["POST /api/moderation/comments/{id:guid}/notes"] = Who.Moderator,
        ["GET /api/moderation/comments/{id:guid}/history"] = Who.Moderator,
        ["GET /api/moderation/audit"] = Who.Moderator,
        ["GET /api/moderation/stats"] = Who.Moderator,
        ["POST /api/help-requests/"] = Who.Public,
        ["POST /api/help-requests/preview"] = Who.Public,
        ["GET /api/me/comments/"] = Who.Commenter,
        ["GET /api/me/statements/"] = Who.Commenter,
        ["GET /api/me/statements/{id:guid}"] = Who.Commenter,
        ["POST /api/me/statements/{id:guid}/complaint"] = Who.Commenter,
        ["GET /api/me/ignored/"] = Who.Commenter,
        ["PUT /api/me/ignored/{userId}"] = Who.Commenter,
        ["DELETE /api/me/ignored/{userId}"] = Who.Commenter,
        ["GET /api/help-requests/mine"] = Who.Commenter,
        ["GET /api/help-requests/{reference}"] = Who.Public,
        ["GET /api/support/help-requests"] = Who.Support,
        ["GET /api/support/help-requests/{id:guid}"] = Who.Support,
        ["PATCH /api/support/help-requests/{id:guid}"] = Who.Support,
        ["POST /api/support/help-requests/{id:guid}/replies"] = Who.Support,
        ["POST /api/support/help-requests/{id:guid}/notes"] = Who.Support,
        ["POST /api/support/help-requests/{id:guid}/escalations"] = Who.Support,
        ["GET /api/support/stats"] = Who.Support,
        ["GET /api/me/notifications/"] = Who.Commenter,
        ["POST /api/me/notifications/read"] = Who.Commenter,
        ["GET /api/me/preferences/"] = Who.Commenter,
        ["PUT /api/me/preferences/"] = Who.Commenter,
        ["GET /api/me/data"] = Who.Commenter,
        ["POST /api/me/erase"] = Who.Commenter,
        ["GET /api/admin/users/{userId}/data"] = Who.Admin,
        ["POST /api/admin/users/{userId}/erase"] = Who.Admin,
        ["GET /api/unsubscribe/"] = Who.Public,
        ["POST /api/unsubscribe/"] = Who.Public,
        ["GET /api/ops/errors"] = Who.Admin,
        ["POST /api/ops/errors/{id}/replay"] = Who.Admin,
        ["GET /api/admin/transparency"] = Who.Admin,
        ["ANY /metrics"] = Who.Public,
        ["GET /api/ping"] = Who.Public,
        ["GET /moderate"] = Who.Public,
        ["GET /support"] = Who.Public,
        ["GET /transparency"] = Who.Public,
        ["GET /demo/articles/{articleId}"] = Who.Public,
        ["POST /dev/tokens"] = Who.Public,
        ["GET /openapi/{documentName}.json"] = Who.Public,
        ["GET /scalar/{documentName?}"] = Who.Public,
        ["GET /scalar/scalar.js"] = Who.Public,
        ["GET /scalar/scalar.aspnetcore.js"] = Who.Public,
        ["GET /scalar/favicon.svg"] = Who.Public,
    };

    private static readonly string[] Callers =
        ["anonymous", "reader", "another reader", "moderator", "support", "admin", "expired token", "wrong signature", "alg none",
         "wrong issuer", "wrong audience", "admin without sub"];

    [Fact]
    public async Task Every_endpoint_allows_and_denies_exactly_the_expected_callers()
    {
        var endpoints = stack.Api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods ? methods : ["ANY"])
                .Select(method => (Method: method, Pattern: e.RoutePattern.RawText!)))
            .ToList();
        var unknown = endpoints.Where(e => !Access.ContainsKey($"{e.Method} {e.Pattern}")).Select(e => $"{e.Method} {e.Pattern}").ToList();
        Assert.True(unknown.Count == 0, "Endpoints missing from the matrix: " + string.Join(", ", unknown));
        var stale = Access.Keys.Except(endpoints.Select(e => $"{e.Method} {e.Pattern}")).ToList();
        Assert.True(stale.Count == 0, "Matrix entries that no endpoint has: " + string.Join(", ", stale));

        var failures = new List<string>();
        foreach (var (method, pattern) in endpoints)
        {
            var who = Access[$"{method} {pattern}"];
            foreach (var caller in Callers)
            {
                var status = await SendAsync(method, pattern, caller);
                var expected = Expected(who, caller);
                var actual = status switch { HttpStatusCode.Unauthorized => "401", HttpStatusCode.Forbidden => "403", _ => "allowed" };
                if (actual != expected)
                {
                    failures.Add($"{method} {pattern} as {caller}: expected {expected}, got {(int)status}");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static string Expected(Who who, string caller)
    {
        var badToken = caller is "anonymous" or "expired token" or "wrong signature" or "alg none" or "wrong issuer" or "wrong audience" or "admin without sub";
        return who switch
        {
            Who.Public => "allowed",
            _ when badToken => "401",
            Who.Commenter => "allowed",
            Who.Moderator => caller is "moderator" or "admin" ? "allowed" : "403",
            Who.Support => caller is "support" or "admin" ? "allowed" : "403",
            Who.Admin => caller is "admin" ? "allowed" : "403",
            _ => "?",
        };
    }

    /// <summary>Route values that exist nowhere, a throw-away site, and an empty JSON body: nothing real is touched.</summary>
    private async Task<HttpStatusCode> SendAsync(string method, string pattern, string caller)
    {
        var path = pattern
            .Replace("{id:guid}", Guid.NewGuid().ToString()).Replace("{id}", Guid.NewGuid().ToString()).Replace("{articleId}", "authz-article").Replace("{queue}", "pending")
            .Replace("{kind}", "suspect").Replace("{userId}", "authz-user").Replace("{action}", "warn").Replace("{reference}", "HR-ZZZZZ")
            .Replace("{documentName}", "v1").Replace("{documentName?}", "v1");
        var request = new HttpRequestMessage(new HttpMethod(method == "ANY" ? "GET" : method), $"{path}?siteId=authz-matrix-site");
        if (method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }
        if (Token(caller) is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        // Headers only: an event stream's body never ends.
        using var response = await stack.Api.CreateClient().SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return response.StatusCode;
    }

    private string? Token(string caller) => caller switch
    {
        "reader" => stack.Api.TokenFor("authz-reader"),
        "another reader" => stack.Api.TokenFor("authz-other"),
        "moderator" => stack.Api.TokenFor("authz-moderator", roles: ["moderator"]),
        "support" => stack.Api.TokenFor("authz-support", roles: ["support"]),
        "admin" => stack.Api.TokenFor("authz-admin", roles: ["admin"]),
        "expired token" => stack.Api.TokenFor("authz-reader", expires: DateTime.UtcNow.AddMinutes(-10)),
        "wrong signature" => stack.Api.TokenFor("authz-reader", signingKey: "not-the-sites-key-but-long-enough-0123456789"),
        "wrong issuer" => stack.Api.TokenFor("authz-admin", roles: ["admin"], issuer: "https://attacker.example"),
        "wrong audience" => stack.Api.TokenFor("authz-admin", roles: ["admin"], audience: "some-other-service"),
        "admin without sub" => stack.Api.TokenFor("", roles: ["admin"]),
        "alg none" => $"{B64("""{"alg":"none","typ":"JWT"}""")}.{B64($$"""{"sub":"authz-admin","role":["admin"],"iss":"comments-dev","aud":"comments","exp":{{DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds()}}}""")}.",
        _ => null,
    };

    private static string B64(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
