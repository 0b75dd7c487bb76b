using System.Net.Http.Json;
using System.Text.Json;

namespace Comments.Api.Tests;

/// <summary>Helpers for the newsroom tests (editors' picks, badges, best, counts): published comments and a moderator's hand.</summary>
public static class NewsroomTestData
{
    public static async Task<Guid> PostPublishedAsync(this HttpClient author, string articleId, string body)
    {
        var id = await author.PostAcceptedCommentAsync(articleId, body);
        await author.WaitForStatusAsync(id, "approved");
        return id;
    }

    public static async Task<Guid> PostPublishedReplyAsync(this HttpClient author, string articleId, Guid parentId, string body)
    {
        var response = await author.PostCommentAsync(articleId, body, parentId);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>(TestData.Json)).GetProperty("id").GetGuid();
        await author.WaitForStatusAsync(id, "approved");
        return id;
    }

    public static Task<HttpResponseMessage> FeatureAsync(this HttpClient moderator, Guid id) => moderator.PutAsync($"/api/moderation/comments/{id}/featured", null);

    public static Task<HttpResponseMessage> UnfeatureAsync(this HttpClient moderator, Guid id) => moderator.DeleteAsync($"/api/moderation/comments/{id}/featured");

    public static Task RejectAsync(this HttpClient moderator, Guid id) => moderator.DecideAsync(id, "reject", "OFFENSIVE");

    public static Task ApproveAsync(this HttpClient moderator, Guid id) => moderator.DecideAsync(id, "approve");

    /// <summary>Every page of a listing, following its cursors; the ids in the order they came.</summary>
    public static async Task<List<Guid>> AllPagesAsync(this HttpClient client, string url, int limit)
    {
        var ids = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"{url}&limit={limit}{(cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")}", TestData.Json);
            ids.AddRange(page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));
            cursor = page.GetProperty("nextCursor").GetString();
            Assert.True(ids.Count <= 1000, $"{url} keeps giving pages");
        }
        while (cursor is not null);
        return ids;
    }
}
