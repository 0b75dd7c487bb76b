using Comments.Moderation;
using Comments.Moderation.Analysis;
using Comments.Moderation.Classification;
using Comments.Moderation.Settings;
using Comments.Storage;
using Comments.Storage.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Moderation.Worker.Learning;

/// <summary>
/// Retrains both models from moderators' decisions when the default site's settings say it is due: at least
/// <c>RetrainingIntervalHours</c> since the last run and <c>RetrainingMinNewDecisions</c> human decisions since.
/// A promoted model is used here at once and by every other worker and API within <see cref="ModelRefresher.Interval"/>.
/// Several workers may run it: a session advisory lock lets one of them at a time, and it checks "due" under the lock.
/// </summary>
public sealed class ScheduledRetraining(
    IServiceScopeFactory scopes, ContentAnalyzer analyzer, IOptions<RetrainingOptions> options, TimeProvider clock, ILogger<ScheduledRetraining> logger)
    : BackgroundService
{
    public const long LockKey = 0x7265_7472_6169_6E; // "retrain"

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => options.Value.Enabled
        ? PeriodicWork.RunAsync(options.Value.CheckInterval, clock, RunIfDueAsync, logger, "Retraining the classifiers", stoppingToken)
        : Task.CompletedTask;

    public async Task<IReadOnlyList<RetrainingOutcome>> RunIfDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommentsDbContext>();
        // Held for the whole run (training takes tens of seconds) on this context's one connection; closing the
        // connection resets the session, so a failed unlock cannot leave it held in the pool.
        await db.Database.OpenConnectionAsync(cancellationToken);
        if (!await db.Database.SqlQuery<bool>($"select pg_try_advisory_lock({LockKey}) as \"Value\"").SingleAsync(cancellationToken))
        {
            return [];
        }
        try
        {
            return await RunLockedAsync(db, scope.ServiceProvider, cancellationToken);
        }
        finally
        {
            await db.Database.ExecuteSqlAsync($"select pg_advisory_unlock({LockKey})", CancellationToken.None);
        }
    }

    private async Task<IReadOnlyList<RetrainingOutcome>> RunLockedAsync(CommentsDbContext db, IServiceProvider services, CancellationToken cancellationToken)
    {
        var (settings, _) = await services.GetRequiredService<SiteModerationStore>().GetSettingsAsync(SiteSettings.DefaultSiteId, cancellationToken);
        var retrainer = new Retrainer(db, clock);
        var last = await retrainer.LastRunAsync(cancellationToken);
        if (settings.RetrainingIntervalHours == 0 || clock.GetUtcNow() - last < TimeSpan.FromHours(settings.RetrainingIntervalHours)
            || await retrainer.HumanDecisionsSinceAsync(last, cancellationToken) < settings.RetrainingMinNewDecisions)
        {
            return [];
        }
        var dataDirectory = options.Value.DataDirectory is { Length: > 0 } configured ? configured : TrainingData.Shipped;
        var outcomes = new List<RetrainingOutcome>();
        foreach (var kind in Enum.GetValues<ClassifierKind>())
        {
            var outcome = await retrainer.RunAsync(kind, dataDirectory, cancellationToken);
            logger.LogInformation("Retrained {Kind} on {Decisions} moderator decisions: candidate {Candidate} ROC-AUC {CandidateAuc:F4}, current {Current} {CurrentAuc:F4}, promoted {Promoted}",
                kind, outcome.Decisions, outcome.CandidateVersion, outcome.Candidate.RocAuc, outcome.CurrentVersion, outcome.Current.RocAuc, outcome.Promoted);
            if (outcome.Model is { } model)
            {
                analyzer.Use(kind, model);
            }
            outcomes.Add(outcome);
        }
        return outcomes;
    }
}
