using System.Globalization;
using Comments.Moderation.Analysis;
using Comments.Moderation.Settings;
using Comments.Moderation.Words;
using Microsoft.VisualBasic.FileIO;

namespace Classifier.Tool;

/// <summary>
/// Runs the pipeline's text phases (banned and suspect words, toxicity, spam) with a new site's default settings on
/// labelled news comments (<c>text,category</c> with category clean, toxic or spam) and counts what goes wrong:
/// clean comments held or rejected, toxic and spam comments let through. Phases that depend on the author's
/// history (links, repeat posts) are left out, so spam figures are the text alone.
/// </summary>
public static class NewsEvaluation
{
    public static int Run(string path, TextWriter output)
    {
        var analyzer = ContentAnalyzer.LoadShipped();
        var words = new WordMatcher(Enum.GetValues<WordListKind>().SelectMany(kind => DefaultWordLists.For(kind).Select(term => (term, kind))));
        var settings = new ModerationSettings();
        var counts = new Dictionary<string, (int Total, int Wrong)>();
        foreach (var (text, category) in ReadRows(path))
        {
            var warnings = analyzer.Warnings(analyzer.Analyze(text, words), settings);
            var stopped = warnings.Count > 0;
            var wrong = category == "clean" ? stopped : !stopped;
            var (total, wrongCount) = counts.GetValueOrDefault(category);
            counts[category] = (total + 1, wrongCount + (wrong ? 1 : 0));
            if (wrong)
            {
                output.WriteLine($"  {category,-5} {(stopped ? "stopped by " + string.Join("+", warnings.Select(w => w.Code)) : "let through")}: {text}");
            }
        }
        foreach (var (category, (total, wrong)) in counts.OrderBy(c => c.Key))
        {
            var what = category == "clean" ? "held or rejected" : "let through";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{category}: {wrong} of {total} {what} ({100.0 * wrong / total:F1}%)"));
        }
        return 0;
    }

    private static IEnumerable<(string Text, string Category)> ReadRows(string path)
    {
        using var parser = new TextFieldParser(path) { Delimiters = [","], HasFieldsEnclosedInQuotes = true };
        var header = parser.ReadFields()!.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var text = header.IndexOf("text");
        var category = header.IndexOf("category");
        if (text < 0 || category < 0)
        {
            throw new InvalidDataException($"{path} needs 'text' and 'category' columns");
        }
        while (parser.ReadFields() is { } fields)
        {
            yield return (fields[text], fields[category].Trim().ToLowerInvariant());
        }
    }
}
