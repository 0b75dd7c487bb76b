using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Comments.Harness;

/// <summary>Readers posting comments through the API, each with a token of their own.</summary>
public sealed class Readers(HttpClient http, Tokens tokens)
{
    /// <summary>The status code of the answer, and the comment's id when it was a 202.</summary>
    public async Task<(HttpStatusCode Status, Guid? Id)> PostAsync(string reader, string articleId, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/articles/{articleId}/comments") { Content = JsonContent.Create(new { body }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.For(reader, "reader"));
        using var response = await http.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            return (response.StatusCode, null);
        }
        using var accepted = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, accepted.RootElement.GetProperty("id").GetGuid());
    }

    /// <summary>A draft checked before posting (<c>POST /api/comments/check</c>); true on a 200.</summary>
    public async Task<bool> CheckAsync(string reader, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/comments/check") { Content = JsonContent.Create(new { body }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.For(reader, "reader"));
        using var response = await http.SendAsync(request);
        return response.StatusCode == HttpStatusCode.OK;
    }
}
