using Comments.Moderation.Text;

namespace Comments.Moderation.Words;

internal static class Tokenizer
{
    private const int MinSpelledOutLetters = 3;

    /// <summary>
    /// Splits a normalized text into words, and joins a run of three or more single letters into one word, so that
    /// "f u c k" and "f.u.c.k" read as "fuck".
    /// </summary>
    public static List<Token> Tokenize(NormalizedText text)
    {
        var words = new List<Token>();
        var letters = text.Letters;
        var start = 0;
        for (var i = 0; i <= letters.Length; i++)
        {
            if (i == letters.Length || letters[i] == ' ')
            {
                if (i > start)
                {
                    words.Add(new Token(letters[start..i], start, i));
                }
                start = i + 1;
            }
        }
        return JoinSpelledOut(words, text);
    }

    /// <summary>
    /// A spelled-out word uses one separator throughout ("f.u.c.k"), so a run also ends where the separator changes:
    /// in "a f.u.c.k" the article "a" stays a word of its own.
    /// </summary>
    private static List<Token> JoinSpelledOut(List<Token> words, NormalizedText text)
    {
        string Separator(int left) => text.Original[(text.SourceIndex[words[left].End - 1] + 1)..text.SourceIndex[words[left + 1].Start]];

        var result = new List<Token>(words.Count);
        for (var i = 0; i < words.Count;)
        {
            var j = i;
            while (j < words.Count && words[j].Letters.Length == 1
                && (j == i || j == i + 1 || Separator(j - 1) == Separator(i)))
            {
                j++;
            }
            if (j - i >= MinSpelledOutLetters)
            {
                result.Add(new Token(string.Concat(words.Skip(i).Take(j - i).Select(w => w.Letters)), words[i].Start, words[j - 1].End));
                i = j;
            }
            else
            {
                result.Add(words[i]);
                i++;
            }
        }
        return result;
    }
}
