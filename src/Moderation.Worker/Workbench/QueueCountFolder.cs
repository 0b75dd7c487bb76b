using Comments.Moderation;
using Comments.Storage;
using Comments.Storage.Comments;

namespace Moderation.Worker.Workbench;

/// <summary>Folds the queue-count deltas into the counts every few seconds, so that reading them stays cheap.</summary>
public sealed class QueueCountFolder(IServiceScopeFactory scopes, TimeProvider clock, ILogger<QueueCountFolder> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicWork.RunAsync(Interval, clock, FoldAsync, logger, "Folding queue counts", stoppingToken);

    private async Task FoldAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CommentsDbContext>().FoldQueueCountsAsync(cancellationToken);
    }
}
