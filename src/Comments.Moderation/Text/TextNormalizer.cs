using System.Globalization;
using System.Text;

namespace Comments.Moderation.Text;

/// <summary>
/// Undoes the usual disguises of a word before matching: accents and other marks, look-alike letters from other
/// scripts, full-width forms, zero-width characters, and leetspeak digits and symbols inside words. Everything
/// that is not a letter becomes a word break.
/// </summary>
public static class TextNormalizer
{
    // Cyrillic and Greek letters that look like Latin ones, as people use them to slip words past filters.
    private static readonly Dictionary<char, char> LookAlikes = new()
    {
        ['а'] = 'a', ['в'] = 'b', ['е'] = 'e', ['ё'] = 'e', ['к'] = 'k', ['м'] = 'm', ['н'] = 'h', ['о'] = 'o',
        ['р'] = 'p', ['с'] = 'c', ['т'] = 't', ['у'] = 'y', ['х'] = 'x', ['і'] = 'i', ['ј'] = 'j', ['ѕ'] = 's',
        ['α'] = 'a', ['β'] = 'b', ['ε'] = 'e', ['η'] = 'n', ['ι'] = 'i', ['κ'] = 'k', ['ν'] = 'v', ['ο'] = 'o',
        ['ρ'] = 'p', ['τ'] = 't', ['υ'] = 'u', ['χ'] = 'x', ['ı'] = 'i', ['ł'] = 'l', ['ø'] = 'o', ['ß'] = 's',
    };

    // Read as letters only inside a word that also has real letters: "sh1t" is a word, "1999" is not.
    private static readonly Dictionary<char, char> Leet = new()
    {
        ['0'] = 'o', ['1'] = 'i', ['3'] = 'e', ['4'] = 'a', ['5'] = 's', ['7'] = 't', ['8'] = 'b',
        ['@'] = 'a', ['$'] = 's', ['!'] = 'i', ['|'] = 'l', ['+'] = 't', ['€'] = 'e',
    };

    // Symbols that end a sentence more often than they stand for a letter: dropped at the edges of a word.
    private static readonly char[] EdgePunctuation = ['!', '|', '+'];

    public static NormalizedText Normalize(string text)
    {
        var letters = new StringBuilder(text.Length);
        var sources = new List<int>(text.Length);
        var wordStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsInvisible(c))
            {
                continue;
            }
            if (ToLetter(c) is { } letter)
            {
                letters.Append(letter);
                sources.Add(i);
            }
            else if (Leet.ContainsKey(c))
            {
                letters.Append(c);
                sources.Add(i);
            }
            else
            {
                EndWord(letters, sources, wordStart, i);
                wordStart = letters.Length;
            }
        }
        EndWord(letters, sources, wordStart, text.Length);
        return new NormalizedText(text, letters.ToString(), [.. sources]);
    }

    /// <summary>Closes a run: leet symbols become letters when the run has a real letter, else the run is dropped.</summary>
    private static void EndWord(StringBuilder letters, List<int> sources, int start, int sourceIndex)
    {
        while (letters.Length > start && EdgePunctuation.Contains(letters[^1]))
        {
            letters.Length--;
            sources.RemoveAt(sources.Count - 1);
        }
        while (letters.Length > start && EdgePunctuation.Contains(letters[start]))
        {
            letters.Remove(start, 1);
            sources.RemoveAt(start);
        }
        var length = letters.Length - start;
        if (length == 0)
        {
            return;
        }
        var hasLetter = false;
        for (var i = start; i < letters.Length; i++)
        {
            hasLetter |= char.IsAsciiLetterLower(letters[i]);
        }
        if (!hasLetter)
        {
            letters.Length = start;
            sources.RemoveRange(start, length);
            return;
        }
        for (var i = start; i < letters.Length; i++)
        {
            if (Leet.TryGetValue(letters[i], out var letter))
            {
                letters[i] = letter;
            }
        }
        letters.Append(' ');
        sources.Add(sourceIndex);
    }

    private static bool IsInvisible(char c) =>
        c is '\u00AD' or '\u034F' or '\u061C' or '\u180E' or '\uFEFF' or >= '\u200B' and <= '\u200F' or >= '\u2060' and <= '\u2064'
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format;

    private static char? ToLetter(char c)
    {
        if (char.IsAsciiLetter(c))
        {
            return char.ToLowerInvariant(c);
        }
        if (c < 128 || !char.IsLetter(c))
        {
            return null;
        }
        var lower = char.ToLowerInvariant(c);
        if (LookAlikes.TryGetValue(lower, out var latin))
        {
            return latin;
        }
        // Accented and full-width letters: the first character of the compatibility decomposition (é -> e, Ｆ -> F).
        var decomposed = lower.ToString().Normalize(NormalizationForm.FormKD);
        return decomposed.Length > 0 && char.IsAsciiLetter(decomposed[0]) ? char.ToLowerInvariant(decomposed[0]) : lower;
    }
}
