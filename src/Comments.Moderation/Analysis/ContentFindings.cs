using Comments.Moderation.Words;

namespace Comments.Moderation.Analysis;

/// <summary>What the text alone shows: listed words, classifier scores, links.</summary>
public sealed record ContentFindings(IReadOnlyList<TermMatch> Matches, float Toxicity, float Spam, bool HasLink)
{
    public IEnumerable<TermMatch> In(WordListKind list) => Matches.Where(m => m.List == list);
}
