using System.Globalization;
using Comments.Moderation.Analysis;
using Comments.Moderation.Classification;
using Comments.Moderation.Examples;
using Comments.Moderation.Harms;
using Comments.Moderation.Settings;
using Comments.Moderation.Words;
using Microsoft.VisualBasic.FileIO;

namespace Classifier.Tool;

/// <summary>
/// Runs the pipeline's text phases with a new site's defaults on labelled news comments and counts what goes wrong,
/// with each score's ROC-AUC (the input format and what is left out: docs/classifier.md).
/// </summary>
public static class NewsEvaluation
{
    private sealed record Row(string Text, string Category, string? Story, string? Kind);

    public static int Run(string path, TextWriter output)
    {
        var analyzer = ContentAnalyzer.LoadShipped();
        var words = new WordMatcher(Enum.GetValues<WordListKind>().SelectMany(kind => DefaultWordLists.For(kind).Select(term => (term, kind))));
        var settings = new ModerationSettings();
        var examples = ExampleBank.Starter();
        var results = new List<(Row Row, bool Wrong, ContentFindings Findings)>();
        foreach (var row in ReadRows(path))
        {
            var findings = analyzer.Analyze(row.Text, words, examples);
            var warnings = analyzer.Warnings(findings, settings);
            var stopped = warnings.Count > 0;
            var wrong = row.Category == "clean" ? stopped : !stopped;
            results.Add((row, wrong, findings));
            if (wrong)
            {
                output.WriteLine($"  {row.Category,-5} {(stopped ? "stopped by " + string.Join("+", warnings.Select(w => w.Code)) : "let through")}: {row.Text}");
            }
        }
        foreach (var category in results.GroupBy(r => r.Row.Category).OrderBy(g => g.Key))
        {
            output.WriteLine(Line(category.Key, category.Count(), category.Count(r => r.Wrong), category.Key == "clean" ? "held or rejected" : "let through"));
        }
        Breakdown(output, "story", results.Where(r => r.Row.Story is not null), r => $"{r.Row.Story}/{r.Row.Category}");
        Breakdown(output, "kind", results.Where(r => r.Row.Kind is not null), r => $"{r.Row.Category}/{r.Row.Kind}");
        var clean = results.Where(r => r.Row.Category == "clean").ToList();
        Auc(output, "toxicity (model and harm phrases)", clean, results.Where(r => r.Row.Category == "toxic"), f => (float)HarmDetector.AbuseScore(f.Toxicity, f.Harms.Count > 0));
        Auc(output, "nearest harm example (similarity)", clean, results.Where(r => r.Row.Category == "toxic"), f => f.Example?.Similarity ?? 0);
        Auc(output, "toxicity (model alone)", clean, results.Where(r => r.Row.Category == "toxic"), f => f.Toxicity);
        Auc(output, "spam", clean, results.Where(r => r.Row.Category == "spam"), f => f.Spam);
        return 0;
    }

    private static void Breakdown(TextWriter output, string by, IEnumerable<(Row Row, bool Wrong, ContentFindings Findings)> results, Func<(Row Row, bool Wrong, ContentFindings Findings), string> key)
    {
        var groups = results.GroupBy(key).OrderBy(g => g.Key).ToList();
        if (groups.Count == 0)
        {
            return;
        }
        output.WriteLine($"by {by}:");
        foreach (var group in groups)
        {
            var what = group.Key.Contains("clean") ? "held or rejected" : "let through";
            output.WriteLine("  " + Line(group.Key, group.Count(), group.Count(r => r.Wrong), what));
        }
    }

    private static void Auc(TextWriter output, string name, IReadOnlyList<(Row Row, bool Wrong, ContentFindings Findings)> clean,
        IEnumerable<(Row Row, bool Wrong, ContentFindings Findings)> positives, Func<ContentFindings, float> score)
    {
        var scored = clean.Select(r => (score(r.Findings), false)).Concat(positives.Select(r => (score(r.Findings), true))).ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: roc_auc={EvaluationReport.AreaUnderRocCurve(scored):F4}"));
    }

    private static string Line(string group, int total, int wrong, string what) =>
        string.Create(CultureInfo.InvariantCulture, $"{group}: {wrong} of {total} {what} ({100.0 * wrong / total:F1}%)");

    private static IEnumerable<Row> ReadRows(string path)
    {
        using var parser = new TextFieldParser(path) { Delimiters = [","], HasFieldsEnclosedInQuotes = true };
        var header = parser.ReadFields()!.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var text = header.IndexOf("text");
        var category = header.IndexOf("category");
        var story = header.IndexOf("story");
        var kind = header.IndexOf("kind");
        if (text < 0 || category < 0)
        {
            throw new InvalidDataException($"{path} needs 'text' and 'category' columns");
        }
        while (parser.ReadFields() is { } fields)
        {
            yield return new Row(fields[text], fields[category].Trim().ToLowerInvariant(),
                story < 0 ? null : fields[story].Trim().ToLowerInvariant(), kind < 0 ? null : fields[kind].Trim().ToLowerInvariant());
        }
    }
}
