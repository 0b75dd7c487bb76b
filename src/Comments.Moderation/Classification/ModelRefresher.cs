using Comments.Moderation.Analysis;
using Comments.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Comments.Moderation.Classification;

/// <summary>
/// Every 30 seconds, looks for a newer promoted model in <c>classifier_models</c> and switches the analyzer to it,
/// so a model promoted by retraining is used without a restart, by every worker and API. When no promoted model is
/// left (an administrator deleted a bad one), it goes back to the shipped model.
/// </summary>
public sealed class ModelRefresher(IServiceScopeFactory scopes, ContentAnalyzer analyzer, ILogger<ModelRefresher> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicWork.RunAsync(Interval, TimeProvider.System, RefreshAsync, logger, "Looking for promoted models", stoppingToken);

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommentsDbContext>();
        foreach (var kind in Enum.GetValues<ClassifierKind>())
        {
            var name = kind.WireName();
            var current = kind == ClassifierKind.Toxicity ? analyzer.ToxicityModel.Version : analyzer.SpamModel.Version;
            var newest = await db.ClassifierModels.AsNoTracking().Where(m => m.Kind == name)
                .OrderByDescending(m => m.PromotedAt).Select(m => m.Version).FirstOrDefaultAsync(cancellationToken);
            if (newest is null)
            {
                var shipped = ClassifierModel.Load(Path.Combine(AppContext.BaseDirectory, "Models"), kind);
                if (shipped.Card.Version != current)
                {
                    analyzer.Use(kind, shipped);
                    logger.LogInformation("No promoted {Kind} model left; scoring with the shipped {Version}", name, shipped.Card.Version);
                }
                continue;
            }
            if (newest == current)
            {
                continue;
            }
            var row = await db.ClassifierModels.AsNoTracking().SingleAsync(m => m.Version == newest, cancellationToken);
            analyzer.Use(kind, ClassifierModel.FromBytes(row.Model, row.CardJson));
            logger.LogInformation("Now scoring {Kind} with promoted model {Version}", name, newest);
        }
    }
}
