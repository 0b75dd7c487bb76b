using Comments.Moderation.Examples;
using Comments.Moderation.Harms;
using Comments.Moderation.Words;

namespace Comments.Moderation.Analysis;

/// <summary>What the text alone shows: listed words, phrases that name a harm, classifier scores, links, the nearest example of a harm.</summary>
public sealed record ContentFindings(
    IReadOnlyList<TermMatch> Matches, IReadOnlyList<HarmMatch> Harms, float Toxicity, float Spam, bool HasLink, ExampleMatch? Example = null)
{
    /// <summary>The example the text is like, when it is at least as similar as the site asks.</summary>
    public ExampleMatch? ExampleAtLeast(double similarity) => Example is { } match && match.Similarity >= similarity ? match : null;

    public IEnumerable<TermMatch> In(WordListKind list) => Matches.Where(m => m.List == list);
}
