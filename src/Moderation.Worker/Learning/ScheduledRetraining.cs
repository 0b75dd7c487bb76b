using Comments.Moderation;
using Comments.Moderation.Analysis;
using Comments.Moderation.Classification;
using Comments.Moderation.Settings;
using Comments.Storage;
using Comments.Storage.Sites;
using Microsoft.Extensions.Options;

namespace Moderation.Worker.Learning;

/// <summary>
/// Retrains both models from moderators' decisions when the default site's settings say it is due: at least
/// <c>RetrainingIntervalHours</c> since the last run and <c>RetrainingMinNewDecisions</c> human decisions since.
/// A promoted model is used here at once and by every other worker and API within <see cref="ModelRefresher.Interval"/>.
/// </summary>
public sealed class ScheduledRetraining(
    IServiceScopeFactory scopes, ContentAnalyzer analyzer, IOptions<RetrainingOptions> options, TimeProvider clock, ILogger<ScheduledRetraining> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => options.Value.Enabled
        ? PeriodicWork.RunAsync(options.Value.CheckInterval, clock, RunIfDueAsync, logger, "Retraining the classifiers", stoppingToken)
        : Task.CompletedTask;

    public async Task<IReadOnlyList<RetrainingOutcome>> RunIfDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommentsDbContext>();
        var (settings, _) = await scope.ServiceProvider.GetRequiredService<SiteModerationStore>().GetSettingsAsync(SiteSettings.DefaultSiteId, cancellationToken);
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
