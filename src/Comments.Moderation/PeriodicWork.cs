using Microsoft.Extensions.Logging;

namespace Comments.Moderation;

/// <summary>The loop every periodic job of the system shares: run now, then on each tick; a failure is logged and tried again next time.</summary>
public static class PeriodicWork
{
    public static async Task RunAsync(TimeSpan interval, TimeProvider clock, Func<CancellationToken, Task> work, ILogger logger, string what, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                await work(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "{Work} failed; trying again at the next interval", what);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
