using Comments.Storage;
using Microsoft.ML;

namespace Comments.Moderation.Classification;

/// <summary>
/// The seed data a model is trained from: the public set (<c>toxicity_davidson_train.csv</c>, <c>spam_youtube_train.csv</c>)
/// and, when present, <c>news-training-&lt;model&gt;.csv</c> (clean news-style comments that teach the model that
/// reporting language such as "bomb" or "regime" is not abuse). The worker ships them in <c>TrainingData/</c>.
/// </summary>
public static class TrainingData
{
    public static string Shipped => Path.Combine(AppContext.BaseDirectory, "TrainingData");

    public static string SeedCsv(ClassifierKind kind, string dataDir) =>
        Path.Combine(dataDir, kind == ClassifierKind.Toxicity ? "toxicity_davidson_train.csv" : "spam_youtube_train.csv");

    public static IReadOnlyList<LabelledText> Extras(ClassifierKind kind, string dataDir)
    {
        var path = Path.Combine(dataDir, $"news-training-{kind.WireName()}.csv");
        return File.Exists(path) ? LabelledCsv.Read(new MLContext(), path) : [];
    }
}
