using System.Globalization;
using System.Text.Json;
using Comments.Moderation.Classification;
using Comments.Storage;
using Comments.Storage.Moderation;
using Microsoft.EntityFrameworkCore;
using Microsoft.ML;

namespace Classifier.Tool;

/// <summary>
/// Learns from moderators: their decisions become labels beside the seed data, a candidate model is trained the
/// reproducible way, and it is compared with the model in use on the same held-out slice. Only a candidate that is
/// not worse (ROC-AUC at least the current one's) is promoted into <c>classifier_models</c>, where every worker
/// picks it up within 30 seconds.
/// </summary>
public static class Retraining
{
    /// <summary>Moderator reason codes that mean "this is what the model should catch".</summary>
    private static readonly Dictionary<ClassifierKind, string[]> PositiveReasons = new()
    {
        [ClassifierKind.Toxicity] =
            ["OFFENSIVE", "ABUSIVE", "HARASSMENT", "HATE_SPEECH", "BANNED_WORD", "INSULT", "THREAT", "DEHUMANIZING", "INCITEMENT", "WISHING_HARM", "SEXUAL"],
        [ClassifierKind.Spam] = ["SPAM", "AD"],
    };

    public static async Task<int> RunAsync(ClassifierKind kind, string connectionString, string dataDir, TextWriter output)
    {
        var options = new DbContextOptionsBuilder<CommentsDbContext>();
        options.UseCommentsDatabase(connectionString);
        await using var db = new CommentsDbContext(options.Options);

        var labels = await LabelsFromDecisionsAsync(db, kind);
        var name = kind.ToString().ToLowerInvariant();
        var csv = Path.Combine(dataDir, kind == ClassifierKind.Toxicity ? "toxicity_davidson_train.csv" : "spam_youtube_train.csv");
        var (model, card, schema, testSet) = ClassifierTrainer.Train(kind, csv, [.. TrainingExtras.For(kind, dataDir), .. labels]);
        card = card with { Version = $"{name}-{DateTime.UtcNow:yyyyMMddTHHmmss}-retrained", TrainedFrom = card.TrainedFrom + $" ({labels.Count} from moderator decisions)" };

        var current = await CurrentAsync(db, kind);
        var ml = new MLContext(card.Seed);
        var slice = ml.Data.CreateEnumerable<LabelledText>(testSet, reuseRowObject: false).ToList();
        var currentReport = EvaluationReport.Compute([.. slice.Select(r => (current.Score(r.Text), r.Label))], current.Card.Threshold);
        output.WriteLine($"current   {current.Card.Version}: {currentReport}");
        output.WriteLine($"candidate {card.Version}: {card.Test}");

        if (card.Test.RocAuc < currentReport.RocAuc)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"kept current: the candidate's ROC-AUC {card.Test.RocAuc:F4} is below {currentReport.RocAuc:F4}"));
            return 0;
        }
        db.ClassifierModels.Add(new ClassifierModelVersion
        {
            Version = card.Version,
            Kind = name,
            Model = ClassifierModel.ToBytes(model, schema, card.Seed),
            CardJson = JsonSerializer.Serialize(card),
            PromotedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
        output.WriteLine($"promoted {card.Version}");
        return 0;
    }

    /// <summary>The latest human decision on each comment, on the text it decided: rejections for the kind's reasons are positive, approvals negative.</summary>
    private static async Task<List<LabelledText>> LabelsFromDecisionsAsync(CommentsDbContext db, ClassifierKind kind)
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
            """).ToListAsync();
        return [.. rows
            .Where(r => r.Outcome == "approved" || r.Reasons.Any(positive.Contains))
            .Select(r => new LabelledText { Text = r.Text, Label = r.Outcome == "rejected" })];
    }

    private static async Task<ClassifierModel> CurrentAsync(CommentsDbContext db, ClassifierKind kind)
    {
        var name = kind.ToString().ToLowerInvariant();
        var promoted = await db.ClassifierModels.AsNoTracking().Where(m => m.Kind == name).OrderByDescending(m => m.PromotedAt).FirstOrDefaultAsync();
        return promoted is null
            ? ClassifierModel.Load(RepositoryPaths.ShippedModels, kind)
            : ClassifierModel.FromBytes(promoted.Model, promoted.CardJson);
    }

    private sealed record DecisionLabel(string Text, string Outcome, string[] Reasons);
}
