using Microsoft.Extensions.Options;

namespace Comments.Api.Standing;

/// <summary>
/// Loads the set of restricted readers at start and again every refresh interval. The API starts without waiting for
/// it: with the database away, posts go ahead unchecked (the worker's author-status phase still refuses them) and
/// the load is tried again every two seconds until it succeeds.
/// </summary>
public sealed class StandingsRefresh(ReaderStandings standings, IOptions<StandingsOptions> options, TimeProvider clock, ILogger<StandingsRefresh> logger)
    : BackgroundService
{
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // the host's start does not wait for the first load
        var interval = options.Value.RefreshInterval;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var next = interval;
                try
                {
                    await standings.RefreshAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning(exception, "Could not load the readers' standings; posts are not checked against them until a load succeeds");
                    next = interval < RetryAfterFailure ? interval : RetryAfterFailure;
                }
                await Task.Delay(next, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
