namespace Comments.Moderation.Classification;

/// <summary>One row of a labelled CSV: a text and whether it is toxic (or spam).</summary>
public sealed class LabelledText
{
    public string Text { get; set; } = "";
    public bool Label { get; set; }
}
