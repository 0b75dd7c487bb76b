using System.Net.Http.Json;
using System.Text.Json;
using Comments.Testing;

namespace Comments.Api.Tests;

/// <summary>Helpers for the statements-of-reasons tests: a reader's statements, a complaint, a moderator's decision with an explanation.</summary>
public static class StatementTestData
{
    public static async Task<List<JsonElement>> StatementsAsync(this HttpClient reader) =>
        [.. (await reader.GetFromJsonAsync<JsonElement>("/api/me/statements?limit=100", TestData.Json)).GetProperty("items").EnumerateArray()];

    public static Task<List<JsonElement>> WaitForStatementsAsync(this HttpClient reader, int count, string what) =>
        Eventually.Until(reader.StatementsAsync, items => items.Count >= count, what);

    public static Task<HttpResponseMessage> ComplainAsync(this HttpClient reader, Guid statementId, string message = "I quoted the mayor; please look again.") =>
        reader.PostAsJsonAsync($"/api/me/statements/{statementId}/complaint", new { message });

    public static async Task DecideWithExplanationAsync(this HttpClient moderator, Guid id, string action, string? reason, string explanation)
    {
        var history = await moderator.GetFromJsonAsync<JsonElement>($"/api/moderation/comments/{id}/history", TestData.Json);
        var response = await moderator.PostAsJsonAsync($"/api/moderation/comments/{id}/decision",
            new { action, reason, explanation, version = history.GetProperty("version").GetUInt32() });
        response.EnsureSuccessStatusCode();
    }

    public static async Task ActOnUserAsync(this HttpClient moderator, string userId, string action, string? duration = null, string reason = "Repeated insults.")
    {
        var response = await moderator.PostAsJsonAsync($"/api/moderation/users/{Uri.EscapeDataString(userId)}/{action}", new { reason, duration });
        response.EnsureSuccessStatusCode();
    }

    public static Guid Id(this JsonElement element) => element.GetProperty("id").GetGuid();

    public static string Str(this JsonElement element, string name) => element.GetProperty(name).GetString()!;
}
