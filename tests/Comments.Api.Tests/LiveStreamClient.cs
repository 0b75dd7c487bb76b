using System.Collections.Concurrent;
using System.Net;
using System.Net.ServerSentEvents;
using System.Text.Json;
using Comments.Testing;

namespace Comments.Api.Tests;

/// <summary>A reader's open event stream (<c>GET /api/articles/{articleId}/events</c>), read in the background.</summary>
public sealed class LiveStreamClient : IAsyncDisposable
{
    private readonly ConcurrentQueue<SseItem<string>> _received = new();
    private readonly CancellationTokenSource _stop = new();
    private HttpResponseMessage _response = null!;
    private Task _reading = Task.CompletedTask;

    public HttpStatusCode Status => _response.StatusCode;

    public IReadOnlyList<SseItem<string>> Received => [.. _received];

    /// <summary>The ids of the comments in the <c>comment</c> and <c>removed</c> events received so far, in order.</summary>
    public IReadOnlyList<Guid> CommentIds => [.. Received.Where(e => e.EventType is "comment" or "removed").Select(e => CommentIdOf(e))];

    public static async Task<LiveStreamClient> OpenAsync(HttpClient client, string articleId, string? lastEventId = null)
    {
        var stream = new LiveStreamClient();
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/articles/{articleId}/events");
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }
        stream._response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        if (stream._response.IsSuccessStatusCode)
        {
            var body = await stream._response.Content.ReadAsStreamAsync();
            stream._reading = Task.Run(async () =>
            {
                try
                {
                    await foreach (var item in SseParser.Create(body).EnumerateAsync(stream._stop.Token))
                    {
                        stream._received.Enqueue(item);
                    }
                }
                catch (Exception) when (stream._stop.IsCancellationRequested)
                {
                }
            });
        }
        return stream;
    }

    public static Guid CommentIdOf(SseItem<string> item) => JsonDocument.Parse(item.Data).RootElement.GetProperty("commentId").GetGuid();

    public static JsonElement DataOf(SseItem<string> item) => JsonDocument.Parse(item.Data).RootElement.Clone();

    public Task<SseItem<string>> WaitForAsync(string eventType, Func<SseItem<string>, bool> match, string what) =>
        Eventually.Until(() => Task.FromResult(Received.FirstOrDefault(e => e.EventType == eventType && match(e))),
            found => found.EventType == eventType && match(found), what: $"{what} on the event stream");

    public Task<SseItem<string>> WaitForCommentAsync(Guid id, string what) =>
        WaitForAsync("comment", e => CommentIdOf(e) == id, what);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _response.Dispose();
        await _reading;
        _stop.Dispose();
    }
}
