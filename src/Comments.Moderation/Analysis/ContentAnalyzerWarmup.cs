using Microsoft.Extensions.Hosting;

namespace Comments.Moderation.Analysis;

/// <summary>Loads the models and scores one text at start-up, so the first comment does not wait for them (about 1.5 s).</summary>
public sealed class ContentAnalyzerWarmup(ContentAnalyzer analyzer) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        analyzer.Analyze("Warming up the moderation models.", Words.WordMatcher.Empty);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
