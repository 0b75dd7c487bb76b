using Comments.Moderation.Text;

namespace Comments.Moderation.Harms;

/// <summary>Finds the phrases that name a harm (<see cref="HarmPatterns"/>), at most one per kind, at their original place.</summary>
public static class HarmDetector
{
    public static IReadOnlyList<HarmMatch> Find(string text)
    {
        var found = new Dictionary<HarmKind, HarmMatch>();
        var letters = TextNormalizer.Normalize(text);
        foreach (var (kind, pattern) in HarmPatterns.OnLetters)
        {
            if (!found.ContainsKey(kind) && pattern.Match(letters.Letters) is { Success: true } match)
            {
                var start = letters.SourceIndex[match.Index];
                var end = letters.SourceIndex[match.Index + match.Length - 1] + 1;
                found[kind] = new HarmMatch(kind, start, end - start, text[start..end]);
            }
        }
        foreach (var (kind, pattern) in HarmPatterns.OnOriginal)
        {
            if (!found.ContainsKey(kind) && pattern.Match(text) is { Success: true } match)
            {
                found[kind] = new HarmMatch(kind, match.Index, match.Length, match.Value);
            }
        }
        return [.. found.Values.OrderBy(m => m.Start)];
    }

    /// <summary>
    /// A comment's score for any abuse, for ranking and for <c>classifier.sh evaluate --model toxicity</c>: the toxicity
    /// model's score, raised to at least 0.99 when a harm phrase was found (the order within each group is kept).
    /// </summary>
    public static double AbuseScore(float toxicity, bool harmFound) => harmFound ? Math.Max(toxicity, 0.99 + 0.01 * toxicity) : toxicity;
}
