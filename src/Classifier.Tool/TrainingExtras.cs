using Comments.Moderation.Classification;
using Microsoft.ML;

namespace Classifier.Tool;

/// <summary>
/// Extra labelled rows for training beside the public sets, when present: <c>data/news-training-&lt;model&gt;.csv</c>
/// (clean news-style comments that teach the model that reporting language such as "bomb" or "regime" is not abuse).
/// </summary>
public static class TrainingExtras
{
    public static IReadOnlyList<LabelledText> For(ClassifierKind kind, string dataDir)
    {
        var path = Path.Combine(dataDir, $"news-training-{kind.ToString().ToLowerInvariant()}.csv");
        return File.Exists(path) ? LabelledCsv.Read(new MLContext(), path) : [];
    }
}
