using Microsoft.ML.Data;

namespace Comments.Moderation.Classification;

/// <summary>
/// The model's output for one text: <see cref="Probability"/> is the score in [0, 1]; <see cref="Margin"/> the linear
/// score before calibration, which still tells texts apart where the probability has saturated at 1.
/// </summary>
public sealed class ScoredText
{
    [ColumnName("Probability")] public float Probability { get; set; }

    [ColumnName("Score")] public float Margin { get; set; }
}
