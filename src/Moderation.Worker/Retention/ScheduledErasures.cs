using Comments.Moderation;
using Comments.Storage;
using Comments.Storage.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Moderation.Worker.Retention;

/// <summary>
/// Carries out confirmed erasure requests (<c>POST /api/me/erase</c>), the earliest deadline first, every
/// <see cref="RetentionOptions.ErasureInterval"/>: well within the deadline the API promises (<c>Privacy:ErasureDeadline</c>).
/// </summary>
public sealed class ScheduledErasures(IServiceScopeFactory scopes, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<ScheduledErasures> logger)
    : BackgroundService
{
    private const int RequestsPerTick = 50;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicWork.RunAsync(options.Value.ErasureInterval, clock, RunDueAsync, logger, "Erasing readers' data on request", stoppingToken);

    /// <summary>The number of requests carried out.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            due = await scope.ServiceProvider.GetRequiredService<CommentsDbContext>().ErasureRequests.AsNoTracking()
                .Where(r => r.ConfirmedAt != null && r.CompletedAt == null).OrderBy(r => r.DueAt).Select(r => r.Id).Take(RequestsPerTick).ToListAsync(cancellationToken);
        }
        var done = 0;
        foreach (var id in due)
        {
            await using var scope = scopes.CreateAsyncScope();
            var now = clock.GetUtcNow();
            if (await ReaderErasure.EraseAsync(scope.ServiceProvider.GetRequiredService<CommentsDbContext>(), id, now, cancellationToken) is { } counts)
            {
                done++;
                // The request's id only: the user id would tie the log line to the person whose data is gone.
                logger.LogInformation("Erased the data of erasure request {ErasureRequestId}: {Comments} comments, {HelpRequests} help requests",
                    id, counts.Comments, counts.HelpRequests);
            }
        }
        return done;
    }
}
