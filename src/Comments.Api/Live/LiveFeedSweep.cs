namespace Comments.Api.Live;

/// <summary>Lets go of idle article feeds every half minute (their recent events are what a reconnect resumes from).</summary>
public sealed class LiveFeedSweep(LiveArticles live, TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(30), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                live.Sweep();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
