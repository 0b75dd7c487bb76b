using System.Text.Json;
using Comments.Storage;
using Comments.Storage.Audit;
using Comments.Storage.Decisions;
using Comments.Storage.Moderation;
using Microsoft.EntityFrameworkCore;
using Microsoft.ML;

namespace Comments.Moderation.Classification;

/// <summary>
/// Learns from moderators: their decisions become labels beside the seed data, a candidate is trained the reproducible
/// way and compared with the model in use on the same held-out slice of the seed. A candidate not worse than the current
/// (ROC-AUC within <see cref="Tolerance"/>) is promoted into <c>classifier_models</c>; every run is in the audit log.
/// </summary>
public sealed class Retrainer(CommentsDbContext db, TimeProvider clock)
{
    /// <summary>Retrained models differ from the current one by noise on the seed slice; this much lower still promotes.</summary>
    public const double Tolerance = 0.005;

    public const string AuditAction = "retrain";

    /// <summary>Moderator reason codes that mean "this is what the model should catch".</summary>
    private static readonly Dictionary<ClassifierKind, string[]> PositiveReasons = new()
    {
        [ClassifierKind.Toxicity] =
            ["OFFENSIVE", "ABUSIVE", "HARASSMENT", "HATE_SPEECH", "BANNED_WORD", "INSULT", "THREAT", "DEHUMANIZING", "INCITEMENT", "WISHING_HARM", "SEXUAL", "TOXIC"],
        [ClassifierKind.Spam] = ["SPAM", "AD"],
    };

    public async Task<RetrainingOutcome> RunAsync(ClassifierKind kind, string dataDir, CancellationToken cancellationToken)
    {
        var labels = await LabelsFromDecisionsAsync(kind, cancellationToken);
        var name = kind.WireName();
        var now = clock.GetUtcNow();
        var (model, card, schema, testSet) = ClassifierTrainer.Train(kind, TrainingData.SeedCsv(kind, dataDir), TrainingData.Extras(kind, dataDir), decisions: labels);
        card = card with { Version = $"{name}-{now:yyyyMMddTHHmmssfff}-retrained", TrainedFrom = card.TrainedFrom + $" ({labels.Count} from moderator decisions)" };

        var current = await CurrentAsync(kind, cancellationToken);
        var slice = new MLContext(card.Seed).Data.CreateEnumerable<ClassifierInput>(testSet, reuseRowObject: false).ToList();
        var currentReport = EvaluationReport.Compute([.. slice.Select(r => (current.Score(r.Text, r.Embedding), r.Label))], current.Card.Threshold);
        var promoted = card.Test.RocAuc >= currentReport.RocAuc - Tolerance;
        var outcome = new RetrainingOutcome(kind, current.Card.Version, currentReport, card.Version, card.Test, labels.Count, promoted);
        if (promoted)
        {
            db.ClassifierModels.Add(new ClassifierModelVersion
            {
                Version = card.Version,
                Kind = name,
                Model = ClassifierModel.ToBytes(model, schema, card.Seed),
                CardJson = JsonSerializer.Serialize(card),
                PromotedAt = now,
            });
        }
        db.Audit(Decision.SystemActor, AuditAction, "model", name, now, new { current.Card.Version, Test = currentReport },
            new { card.Version, card.Test, Decisions = labels.Count, Promoted = promoted });
        await db.SaveChangesAsync(cancellationToken);
        return outcome with { Model = promoted ? new ClassifierModel(model, card) : null };
    }

    /// <summary>When the last run of either model finished, if any.</summary>
    public Task<DateTimeOffset?> LastRunAsync(CancellationToken cancellationToken) =>
        db.AuditEntries.AsNoTracking().Where(a => a.Action == AuditAction).MaxAsync(a => (DateTimeOffset?)a.At, cancellationToken);

    /// <summary>Decisions by people (not the pipeline) since a moment.</summary>
    public Task<int> HumanDecisionsSinceAsync(DateTimeOffset? since, CancellationToken cancellationToken) =>
        db.Decisions.AsNoTracking().CountAsync(d => d.Actor != Decision.SystemActor && (since == null || d.DecidedAt > since), cancellationToken);

    /// <summary>The latest human decision on each comment, on the text it decided: rejections for the kind's reasons are positive, approvals negative.</summary>
    private async Task<List<LabelledText>> LabelsFromDecisionsAsync(ClassifierKind kind, CancellationToken cancellationToken)
    {
        var positive = PositiveReasons[kind];
        var rows = await db.Database.SqlQuery<DecisionLabel>($"""
            select distinct on (d.comment_id)
                   coalesce(r.body, c.body) as text, d.outcome as outcome, d.reason_codes as reasons
            from decisions d
            join comments c on c.id = d.comment_id
            left join comment_revisions r on r.comment_id = d.comment_id and r.revision = d.revision
            where d.actor <> 'system' and coalesce(r.body, c.body) <> ''
            order by d.comment_id, d.decided_at desc
            """).ToListAsync(cancellationToken);
        return [.. rows
            .Where(r => r.Outcome == "approved" || r.Reasons.Any(positive.Contains))
            .Select(r => new LabelledText { Text = r.Text, Label = r.Outcome == "rejected" })];
    }

    private async Task<ClassifierModel> CurrentAsync(ClassifierKind kind, CancellationToken cancellationToken)
    {
        var name = kind.WireName();
        var promoted = await db.ClassifierModels.AsNoTracking().Where(m => m.Kind == name).OrderByDescending(m => m.PromotedAt).FirstOrDefaultAsync(cancellationToken);
        return promoted is null
            ? ClassifierModel.Load(Path.Combine(AppContext.BaseDirectory, "Models"), kind)
            : ClassifierModel.FromBytes(promoted.Model, promoted.CardJson);
    }

    private sealed record DecisionLabel(string Text, string Outcome, string[] Reasons);
}

/// <summary>What one retraining run measured and did; <see cref="Model"/> is the promoted model, ready to score.</summary>
public sealed record RetrainingOutcome(
    ClassifierKind Kind, string CurrentVersion, EvaluationReport Current, string CandidateVersion, EvaluationReport Candidate,
    int Decisions, bool Promoted, ClassifierModel? Model = null);
