using Microsoft.ML.Data;

namespace Comments.Moderation.Classification;

/// <summary>The model's output for one text: <see cref="Probability"/> is the score in [0, 1].</summary>
public sealed class ScoredText
{
    [ColumnName("Probability")] public float Probability { get; set; }
}
