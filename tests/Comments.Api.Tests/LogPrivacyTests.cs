using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Comments.Testing;

namespace Comments.Api.Tests;

/// <summary>
/// What the API and the worker write to their logs, over every test of the run so far plus the flows that handle
/// personal data: no e-mail address, no token, no client IP address.
/// </summary>
[Collection(StackCollection.Name)]
public sealed partial class LogPrivacyTests(CommentsStack stack)
{
    [Fact]
    public async Task Logs_carry_no_email_addresses_tokens_or_client_ip_addresses()
    {
        var email = $"private-{Guid.NewGuid():N}@example.org";
        var anonymous = stack.Api.CreateClient();
        var submitted = await anonymous.PostAsJsonAsync("/api/help-requests", new { email, message = $"Please write to {email}, my comment vanished." });
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        var accepted = await submitted.Content.ReadFromJsonAsync<JsonElement>(TestData.Json);
        var id = accepted.GetProperty("id").GetGuid();
        var accessToken = accepted.GetProperty("accessToken").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/help-requests/{accepted.GetProperty("reference").GetString()}?token={accessToken}")).StatusCode);
        var support = stack.Api.CreateClientFor(TestData.NewUserId("support"), "Sam Support", "support");
        await support.WaitForTriagedAsync(id);
        Assert.Equal(HttpStatusCode.Created, (await support.PostAsJsonAsync($"/api/support/help-requests/{id}/replies", new { body = "We found it." })).StatusCode);

        var token = stack.Api.TokenFor(TestData.NewUserId());
        var reader = stack.Api.CreateClient();
        reader.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await reader.PutAsJsonAsync("/api/me/preferences", new { email, mailEnabled = true })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await reader.PutAsJsonAsync("/api/me/preferences", new { email = $"Name <{email}>" })).StatusCode);
        var comment = await reader.PostAcceptedCommentAsync(TestData.NewArticleId(), $"Contact me at {email}");
        await Eventually.Until(() => reader.GetCommentAsync(comment), c => c?.GetProperty("status").GetString() is "approved" or "held" or "rejected",
            what: "the comment to be decided");
        await reader.PostAsJsonAsync("/api/articles/x/comments", new { body = "" });
        var forged = stack.Api.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token[..^4] + "AAAA");
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.PostAsJsonAsync("/api/articles/x/comments", new { body = "forged" })).StatusCode);

        var lines = LogRecorder.Shared.Lines.ToList();
        Assert.NotEmpty(lines);
        Assert.DoesNotContain(lines, line => line.Contains(email, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(lines, line => EmailPattern().IsMatch(line));
        Assert.DoesNotContain(lines, line => line.Contains(token[..40], StringComparison.Ordinal) || line.Contains("Bearer ", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains(accessToken, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => ClientAddressPattern().IsMatch(line));
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.[A-Za-z]{2,}")]
    private static partial Regex EmailPattern();

    /// <summary>An IP address that is not a server's (those come as scheme://host or host:port).</summary>
    [GeneratedRegex(@"(?<!://)\b(?:\d{1,3}\.){3}\d{1,3}\b(?!:\d)")]
    private static partial Regex ClientAddressPattern();
}
