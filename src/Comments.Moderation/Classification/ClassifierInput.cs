using Comments.Moderation.Encoding;
using Microsoft.ML.Data;

namespace Comments.Moderation.Classification;

/// <summary>What a model reads: the text (for its n-grams), its static sentence embedding, and, in training, the label and the row's weight.</summary>
public sealed class ClassifierInput
{
    public string Text { get; set; } = "";

    [VectorType(StaticEncoder.Dimensions)] public float[] Embedding { get; set; } = new float[StaticEncoder.Dimensions];

    public bool Label { get; set; }

    public float Weight { get; set; } = 1f;

    public static ClassifierInput From(LabelledText row, StaticEncoder encoder, float weight = 1f) =>
        new() { Text = row.Text, Label = row.Label, Embedding = encoder.Embed(row.Text), Weight = weight };
}
