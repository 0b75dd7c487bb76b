using System.Text.RegularExpressions;
using Comments.Moderation.Classification;
using Comments.Moderation.Encoding;
using Comments.Moderation.Examples;
using Comments.Moderation.Harms;
using Comments.Moderation.Settings;
using Comments.Moderation.Words;

namespace Comments.Moderation.Analysis;

/// <summary>
/// Looks at a text the way the pipeline does: word lists, the toxicity and spam models (loaded once from the
/// <c>Models/</c> folder shipped with the application), and links. Thread-safe; register as a singleton.
/// </summary>
public sealed partial class ContentAnalyzer(ClassifierModel toxicity, ClassifierModel spam)
{
    private volatile ClassifierModel _toxicity = toxicity;
    private volatile ClassifierModel _spam = spam;

    /// <summary>Switches to a newly promoted model; comments already being scored finish with the old one.</summary>
    public void Use(ClassifierKind kind, ClassifierModel model)
    {
        if (kind == ClassifierKind.Toxicity)
        {
            _toxicity = model;
        }
        else
        {
            _spam = model;
        }
    }

    public static ContentAnalyzer LoadShipped()
    {
        var models = Path.Combine(AppContext.BaseDirectory, "Models");
        return new ContentAnalyzer(ClassifierModel.Load(models, ClassifierKind.Toxicity), ClassifierModel.Load(models, ClassifierKind.Spam));
    }

    public ModelCard ToxicityModel => _toxicity.Card;
    public ModelCard SpamModel => _spam.Card;

    public ContentFindings Analyze(string text, WordMatcher words, ExampleBank? examples = null)
    {
        var embedding = StaticEncoder.Shipped.Embed(text);
        return new(words.FindMatches(text), HarmDetector.Find(text), _toxicity.Score(text, embedding),
            SpamEvidence.Score(_spam.Score(text, embedding), SpamEvidence.HasCue(text)), LinkPattern().IsMatch(text), examples?.Nearest(embedding));
    }

    /// <summary>The words that drove the model's score of a text (<see cref="ScoreDrivers"/>).</summary>
    public IReadOnlyList<string> Drivers(ClassifierKind kind, string text) =>
        ScoreDrivers.Find(kind == ClassifierKind.Toxicity ? _toxicity : _spam, text);

    public double ToxicityHoldThreshold(ModerationSettings settings) => settings.ToxicityHoldThreshold ?? _toxicity.Card.Threshold;

    public double SpamHoldThreshold(ModerationSettings settings) => settings.SpamHoldThreshold ?? _spam.Card.Threshold;

    /// <summary>The warnings a draft would raise, for nudging a writer before posting (no scores).</summary>
    public IReadOnlyList<ContentWarning> Warnings(ContentFindings findings, ModerationSettings settings)
    {
        var warnings = new List<ContentWarning>();
        AddWords(warnings, findings, WordListKind.Banned, settings.BannedWordsEnabled, Reasons.ReasonCodes.BannedWord);
        AddWords(warnings, findings, WordListKind.Suspect, settings.SuspectWordsEnabled, Reasons.ReasonCodes.SuspectWord);
        if (settings.HarmRulesEnabled)
        {
            warnings.AddRange(findings.Harms.Select(harm => new ContentWarning(HarmCodes.For(harm.Kind), [harm.Text])));
            if (findings.ExampleAtLeast(settings.ExampleSimilarity) is { } example && findings.Harms.All(h => h.Kind != example.Harm))
            {
                warnings.Add(new ContentWarning(HarmCodes.For(example.Harm), []));
            }
        }
        if (settings.ToxicityEnabled && findings.Toxicity >= ToxicityHoldThreshold(settings))
        {
            warnings.Add(new ContentWarning(Reasons.ReasonCodes.Toxic, []));
        }
        if (settings.SpamEnabled && findings.Spam >= SpamHoldThreshold(settings))
        {
            warnings.Add(new ContentWarning(Reasons.ReasonCodes.Spam, []));
        }
        return warnings;
    }

    private static void AddWords(List<ContentWarning> warnings, ContentFindings findings, WordListKind list, bool enabled, string code)
    {
        var terms = findings.In(list).Select(m => m.Text).Distinct().ToList();
        if (enabled && terms.Count > 0)
        {
            warnings.Add(new ContentWarning(code, terms));
        }
    }

    // Atomic group: a word is read once, never backtracked into (measured: docs/classifier.md).
    [GeneratedRegex(@"https?://|www\.|\b(?>[a-z0-9-]+)\.(?:com|net|org|biz|info|xyz|shop|co|io|ly|app|me|casino|ru|cn)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LinkPattern();
}
