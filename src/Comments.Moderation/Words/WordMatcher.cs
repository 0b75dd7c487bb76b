using Comments.Moderation.Text;

namespace Comments.Moderation.Words;

/// <summary>
/// Finds listed words and phrases in a text: case-insensitive, whole words only (so "Scunthorpe", "assassin" and
/// "therapist" are safe), any run of non-letters between the words of a phrase, and through the disguises that
/// <see cref="TextNormalizer"/> and <see cref="Token"/> undo. Built once per list version; thread-safe to use.
/// </summary>
public sealed class WordMatcher
{
    private readonly Dictionary<string, List<Entry>> _byFirstWord = [];

    private sealed record Entry(string Term, WordListKind List, Token[] Words);

    public WordMatcher(IEnumerable<(string Term, WordListKind List)> entries)
    {
        foreach (var (term, list) in entries)
        {
            var words = Tokenizer.Tokenize(TextNormalizer.Normalize(term)).ToArray();
            if (words.Length == 0)
            {
                continue;
            }
            var key = words[0].Collapsed;
            if (!_byFirstWord.TryGetValue(key, out var bucket))
            {
                _byFirstWord[key] = bucket = [];
            }
            bucket.Add(new Entry(term.Trim(), list, words));
        }
    }

    public static WordMatcher Empty { get; } = new([]);

    public IReadOnlyList<TermMatch> FindMatches(string text)
    {
        var normalized = TextNormalizer.Normalize(text);
        var words = Tokenizer.Tokenize(normalized);
        var matches = new List<TermMatch>();
        for (var i = 0; i < words.Count; i++)
        {
            if (!_byFirstWord.TryGetValue(words[i].Collapsed, out var candidates))
            {
                continue;
            }
            foreach (var entry in candidates)
            {
                if (IsAt(words, i, entry))
                {
                    var last = words[i + entry.Words.Length - 1];
                    var start = normalized.SourceIndex[words[i].Start];
                    var end = normalized.SourceIndex[last.End - 1] + 1;
                    matches.Add(new TermMatch(entry.Term, entry.List, start, end - start, text[start..end]));
                }
            }
        }
        return matches;
    }

    private static bool IsAt(List<Token> words, int index, Entry entry)
    {
        if (index + entry.Words.Length > words.Count)
        {
            return false;
        }
        for (var k = 0; k < entry.Words.Length; k++)
        {
            if (!words[index + k].Matches(entry.Words[k]))
            {
                return false;
            }
        }
        return true;
    }
}
