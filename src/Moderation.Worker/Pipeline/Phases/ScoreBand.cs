using Comments.Moderation.Classification;

namespace Moderation.Worker.Pipeline.Phases;

/// <summary>
/// A model's score against the site's band: below the hold threshold passes; from there up to the reject threshold
/// (off unless set) a human decides; at or above it, a clear fail. The reason carries the score and the words that drove it.
/// </summary>
public static class ScoreBand
{
    public static void Apply(ModerationContext context, ClassifierKind kind, string code, string phase, double score, double hold, double? reject)
    {
        var rejects = reject is { } upper && score >= upper;
        if (!rejects && score < hold)
        {
            return;
        }
        var detail = ScoreDrivers.Detail((float)score, context.Analyzer.Drivers(kind, context.Subject.Body));
        if (rejects)
        {
            context.Reject(code, phase, detail);
        }
        else
        {
            context.Hold(code, phase, detail);
        }
    }
}
