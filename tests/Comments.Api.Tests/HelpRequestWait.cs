using System.Net.Http.Json;
using System.Text.Json;
using Comments.Testing;

namespace Comments.Api.Tests;

/// <summary>Waits for the worker to store and triage a help request.</summary>
public static class HelpRequestWait
{
    // The API's early insert is optional work (250 ms at most): on a busy machine only the worker stores the request,
    // so a look right after submitting can find nothing yet.
    public static Task<JsonElement?> TriagedAsync(HttpClient support, Guid id) =>
        Eventually.Until(async () =>
        {
            var response = await support.GetAsync($"/api/support/help-requests/{id}");
            return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>(TestData.Json) : (JsonElement?)null;
        }, r => r?.GetProperty("triaged").GetBoolean() == true, what: $"help request {id} to be triaged");
}
