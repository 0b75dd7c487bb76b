namespace Comments.Moderation.Text;

/// <summary>
/// A text reduced to lower-case letters for matching, with, for every character kept, where it came from in the
/// original, so that a match can be reported at its original position.
/// </summary>
public sealed class NormalizedText(string original, string letters, int[] sourceIndex)
{
    public string Original { get; } = original;

    /// <summary>The normalized characters: lower-case Latin letters and the separator ' ' between runs.</summary>
    public string Letters { get; } = letters;

    /// <summary>For each character of <see cref="Letters"/>, its index in <see cref="Original"/>.</summary>
    public int[] SourceIndex { get; } = sourceIndex;
}
