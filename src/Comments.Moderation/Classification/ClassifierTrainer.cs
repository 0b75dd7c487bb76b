using Comments.Storage;
using Comments.Moderation.Encoding;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;

namespace Comments.Moderation.Classification;

/// <summary>
/// Trains a classifier reproducibly (fixed seed, 70/15/15 split, n-grams and sentence embedding into logistic
/// regression); a moderator's decision weighs <see cref="DecisionWeight"/> rows because it is this site's truth (docs/classifier.md).
/// </summary>
public static class ClassifierTrainer
{
    public const int DefaultSeed = 20261124;

    /// <summary>The threshold is the lowest one that keeps the validation false-positive rate at or below this.</summary>
    public const double MaxValidationFalsePositiveRate = 0.05;

    public const float DecisionWeight = 20f;

    public static (ITransformer Model, ModelCard Card, DataViewSchema Schema, IDataView TestSet) Train(
        ClassifierKind kind, string csvPath, IReadOnlyList<LabelledText>? extraTraining = null, int seed = DefaultSeed,
        IReadOnlyList<LabelledText>? decisions = null)
    {
        var ml = new MLContext(seed);
        var encoder = StaticEncoder.Shipped;
        var data = ml.Data.LoadFromEnumerable(LabelledCsv.Read(ml, csvPath).Select(row => ClassifierInput.From(row, encoder)));
        var first = ml.Data.TrainTestSplit(data, testFraction: 0.30, seed: seed);
        var holdOut = ml.Data.TrainTestSplit(first.TestSet, testFraction: 0.50, seed: seed);

        var training = first.TrainSet;
        var extraRows = (extraTraining ?? []).Select(row => ClassifierInput.From(row, encoder))
            .Concat((decisions ?? []).Select(row => ClassifierInput.From(row, encoder, DecisionWeight))).ToList();
        if (extraRows.Count > 0)
        {
            training = ml.Data.LoadFromEnumerable(ml.Data.CreateEnumerable<ClassifierInput>(training, reuseRowObject: false).Concat(extraRows));
        }

        var model = BuildPipeline(ml).Fit(training);
        var validation = Score(ml, model, holdOut.TrainSet);
        var threshold = ChooseThreshold(validation);
        var test = Score(ml, model, holdOut.TestSet);

        var card = new ModelCard
        {
            Name = kind.WireName(),
            Version = $"{kind.WireName()}-{DateTime.UtcNow:yyyyMMdd}-s{seed}",
            Threshold = threshold,
            Seed = seed,
            TrainedFrom = Path.GetFileName(csvPath) + (extraRows.Count > 0 ? $" + {extraRows.Count} extra rows" : ""),
            TrainRows = (int)(training.GetRowCount() ?? ml.Data.CreateEnumerable<ClassifierInput>(training, false).Count()),
            ValidationRows = validation.Count,
            TestRows = test.Count,
            Test = EvaluationReport.Compute(test, threshold),
        };
        return (model, card, data.Schema, holdOut.TestSet);
    }

    private static IEstimator<ITransformer> BuildPipeline(MLContext ml) =>
        ml.Transforms.Text.FeaturizeText("NGrams", new TextFeaturizingEstimator.Options
            {
                CaseMode = TextNormalizingEstimator.CaseMode.Lower,
                KeepDiacritics = false,
                KeepPunctuations = false,
                KeepNumbers = true,
                WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
                CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 4, UseAllLengths = true },
                Norm = TextFeaturizingEstimator.NormFunction.L2,
            }, nameof(ClassifierInput.Text))
            .Append(ml.Transforms.Concatenate("Features", "NGrams", nameof(ClassifierInput.Embedding)))
            .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(
                labelColumnName: nameof(ClassifierInput.Label), featureColumnName: "Features", exampleWeightColumnName: nameof(ClassifierInput.Weight),
                // Weak regularization suits these sparse, high-dimensional features (measured: docs/classifier.md).
                l1Regularization: 0f, l2Regularization: 0.01f));

    public static List<(float Score, bool Label)> Score(MLContext ml, ITransformer model, IDataView data)
    {
        var scored = model.Transform(data);
        var probabilities = scored.GetColumn<float>("Probability").ToList();
        var labels = scored.GetColumn<bool>(nameof(ClassifierInput.Label)).ToList();
        return [.. probabilities.Zip(labels)];
    }

    private static double ChooseThreshold(List<(float Score, bool Label)> validation)
    {
        var negatives = validation.Where(v => !v.Label).Select(v => v.Score).OrderByDescending(s => s).ToList();
        var allowedFalsePositives = (int)Math.Floor(negatives.Count * MaxValidationFalsePositiveRate);
        // Just above the score of the first negative that would exceed the allowance.
        return negatives.Count == 0 ? 0.5 : Math.Min(0.999, negatives[Math.Min(allowedFalsePositives, negatives.Count - 1)] + 1e-6);
    }
}
