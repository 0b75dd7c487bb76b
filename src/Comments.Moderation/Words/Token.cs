namespace Comments.Moderation.Words;

/// <summary>A word of a normalized text: its letters and the span of the normalized text it covers.</summary>
internal readonly record struct Token(string Letters, int Start, int End)
{
    public string Collapsed { get; } = Collapse(Letters);

    public bool Stretched => Collapsed.Length != Letters.Length;

    /// <summary>
    /// Same word: equal letters, or, for a word with doubled letters, equal once runs of a letter count as one
    /// ("fuuuck" is "fuck", "asss" is "ass"), while "as" is still not "ass".
    /// </summary>
    public bool Matches(Token entry) => Letters == entry.Letters || (Stretched && Collapsed == entry.Collapsed);

    public static string Collapse(string letters)
    {
        var result = new System.Text.StringBuilder(letters.Length);
        foreach (var c in letters)
        {
            if (result.Length == 0 || result[^1] != c)
            {
                result.Append(c);
            }
        }
        return result.ToString();
    }
}
