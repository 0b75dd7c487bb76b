using System.Net.Http.Json;
using System.Text.Json;
using Comments.Storage.Comments;
using Comments.Storage.Sites;
using Comments.Testing;
using Microsoft.EntityFrameworkCore;

namespace Comments.Api.Tests;

public static class TestData
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string NewArticleId() => $"test-article:{Guid.NewGuid():N}";

    public static string NewUserId(string who = "reader") => $"{who}-{Guid.NewGuid():N}";

    public static Task<HttpResponseMessage> PostCommentAsync(this HttpClient client, string articleId, string body, Guid? parentId = null) =>
        client.PostAsJsonAsync($"/api/articles/{articleId}/comments", new { body, parentId });

    public static async Task<Guid> PostAcceptedCommentAsync(this HttpClient client, string articleId, string body)
    {
        var response = await client.PostCommentAsync(articleId, body);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        return accepted.GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement?> GetCommentAsync(this HttpClient client, Guid id)
    {
        var response = await client.GetAsync($"/api/comments/{id}");
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>(Json) : null;
    }

    public static Task<JsonElement?> WaitForStatusAsync(this HttpClient client, Guid id, string status) =>
        Eventually.Until(() => client.GetCommentAsync(id), c => c?.GetProperty("status").GetString() == status,
            what: $"comment {id} to be {status}");

    /// <summary>
    /// A help request once the worker has triaged it. 404 until it is stored: the API's own insert is best effort
    /// (250 ms), and a request sent straight to the broker is stored only by the worker.
    /// </summary>
    public static async Task<JsonElement> WaitForTriagedAsync(this HttpClient support, Guid id)
    {
        async Task<JsonElement?> ReadAsync()
        {
            var response = await support.GetAsync($"/api/support/help-requests/{id}");
            return response.StatusCode == System.Net.HttpStatusCode.NotFound ? null : await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        }
        return (await Eventually.Until(ReadAsync, r => r is { } request && request.GetProperty("triaged").GetBoolean(), what: $"help request {id} to be stored and triaged"))!.Value;
    }

    public static async Task<int> StoredCommentCountAsync(string articleId)
    {
        await using var db = TestServices.CreateDbContext();
        return await db.Comments.CountAsync(c => c.ArticleId == articleId);
    }

    /// <summary>An approved comment written straight to the database: no message, no decision, no event.</summary>
    public static async Task<Guid> SeedApprovedAsync(string articleId, string authorName, string body)
    {
        await using var db = TestServices.CreateDbContext();
        var now = DateTimeOffset.UtcNow;
        var comment = db.Comments.Add(new Comment
        {
            Id = Guid.CreateVersion7(), SiteId = SiteSettings.DefaultSiteId, ArticleId = articleId, AuthorId = NewUserId(), AuthorName = authorName,
            Body = body, Status = CommentStatus.Approved, CreatedAt = now, UpdatedAt = now,
        }).Entity;
        await db.SaveChangesAsync();
        return comment.Id;
    }
}
