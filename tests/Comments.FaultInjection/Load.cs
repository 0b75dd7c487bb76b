using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Comments.Harness;

namespace Comments.FaultInjection;

/// <summary>One POST of the load: what the client was told.</summary>
public sealed record Attempt(string Marker, string ArticleId, int Status, Guid? CommentId, string? Error, TimeSpan SentAt, TimeSpan Took)
{
    public bool Accepted => Status == (int)HttpStatusCode.Accepted && CommentId is not null;
}

/// <summary>
/// A steady stream of new comments at a fixed rate from several readers, spread over a few articles. Every
/// comment carries a marker of its own so that it can be found (and counted) in the database afterwards.
/// </summary>
public sealed class Load(Readers readers, FaultSettings settings)
{
    private Stopwatch _clock = new();

    /// <summary>Time since the latest run started, on the clock of its attempts' <see cref="Attempt.SentAt"/>.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    public async Task<IReadOnlyList<Attempt>> RunAsync(string scenario, IReadOnlyList<string> articles, int comments, CancellationToken cancellationToken = default)
    {
        var interval = TimeSpan.FromSeconds(1.0 / settings.RatePerSecond);
        var clock = _clock = Stopwatch.StartNew();
        var sends = new List<Task<Attempt>>(comments);
        for (var i = 0; i < comments; i++)
        {
            // Read the clock once: read twice, the wait could turn negative in between and Task.Delay throws.
            var wait = interval * i - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }
            sends.Add(SendAsync(scenario, i, articles[i % articles.Count], clock));
        }
        return await Task.WhenAll(sends);
    }

    private async Task<Attempt> SendAsync(string scenario, int index, string articleId, Stopwatch clock)
    {
        var sentAt = clock.Elapsed;
        var marker = $"{scenario}-{index:D5}-{Guid.NewGuid():N}";
        var reader = $"fault-reader-{index % settings.Readers:D2}";
        try
        {
            var (status, id) = await readers.PostAsync(reader, articleId, $"Comment {index} of the {scenario} run, thank you for the report. [{marker}]");
            return new Attempt(marker, articleId, (int)status, id, null, sentAt, clock.Elapsed - sentAt);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException or JsonException)
        {
            return new Attempt(marker, articleId, 0, null, exception.GetType().Name, sentAt, clock.Elapsed - sentAt);
        }
    }
}
