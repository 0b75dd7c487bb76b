using System.Text.RegularExpressions;

namespace Comments.Moderation.Classification;

/// <summary>
/// The words that drove a model's score, for the moderator: the words whose removal lowers the margin most
/// (docs/classifier.md). Run only for held or rejected comments, to keep its cost off the common path.
/// </summary>
public static partial class ScoreDrivers
{
    /// <summary>The least drop of the margin (log-odds) that makes a word a driver: the odds fall by a third.</summary>
    public const double MinimumDrop = 0.4;
    private const int MaxWords = 60;

    public static IReadOnlyList<string> Find(ClassifierModel model, string text, int count = 3)
    {
        var matches = Word().Matches(text);
        var margin = model.Margin(text);
        var words = matches.Select(m => m.Value).DistinctBy(w => w.ToLowerInvariant()).Take(MaxWords);
        return [.. words
            .Select(word => (Word: word, Drop: margin - model.Margin(Without(text, matches, word))))
            .Where(d => d.Drop >= MinimumDrop)
            .OrderByDescending(d => d.Drop)
            .Take(count)
            .Select(d => d.Word)];
    }

    /// <summary>The text with every occurrence of the word (in any case) replaced by a space.</summary>
    private static string Without(string text, MatchCollection matches, string word)
    {
        var kept = new System.Text.StringBuilder(text.Length);
        var from = 0;
        foreach (Match match in matches)
        {
            if (string.Equals(match.Value, word, StringComparison.OrdinalIgnoreCase))
            {
                kept.Append(text, from, match.Index - from).Append(' ');
                from = match.Index + match.Length;
            }
        }
        return kept.Append(text, from, text.Length - from).ToString();
    }

    /// <summary>The detail a model's reason carries: its score and, when there are any, the words that drove it.</summary>
    public static string Detail(float score, IReadOnlyList<string> drivers) =>
        drivers.Count == 0
            ? score.ToString("F3", System.Globalization.CultureInfo.InvariantCulture)
            : $"{score.ToString("F3", System.Globalization.CultureInfo.InvariantCulture)}; driven by: {string.Join(", ", drivers)}";

    [GeneratedRegex(@"\p{L}[\p{L}\p{Nd}'’-]*", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
