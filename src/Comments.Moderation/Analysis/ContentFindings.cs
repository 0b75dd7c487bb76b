using Comments.Moderation.Harms;
using Comments.Moderation.Words;

namespace Comments.Moderation.Analysis;

/// <summary>What the text alone shows: listed words, phrases that name a harm, classifier scores, links.</summary>
public sealed record ContentFindings(IReadOnlyList<TermMatch> Matches, IReadOnlyList<HarmMatch> Harms, float Toxicity, float Spam, bool HasLink)
{
    public IEnumerable<TermMatch> In(WordListKind list) => Matches.Where(m => m.List == list);
}
