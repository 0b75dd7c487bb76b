using Comments.Moderation.Classification;
using Comments.Moderation.Reasons;

namespace Moderation.Worker.Pipeline.Phases;

/// <summary>
/// 7. The toxicity score: above the reject threshold (off by default) rejects, above the hold threshold holds; the reason
/// carries the score and the words that drove it.
/// </summary>
public sealed class ToxicityPhase : IModerationPhase
{
    public string Name => "toxicity";

    public ValueTask EvaluateAsync(ModerationContext context, CancellationToken cancellationToken)
    {
        if (!context.Settings.ToxicityEnabled)
        {
            return ValueTask.CompletedTask;
        }
        var score = context.Findings.Toxicity;
        context.Scores["toxicity"] = Math.Round(score, 4);
        context.ModelVersions["toxicity"] = context.Analyzer.ToxicityModel.Version;
        var rejects = context.Settings.ToxicityRejectThreshold is { } reject && score >= reject;
        if (rejects || score >= context.Analyzer.ToxicityHoldThreshold(context.Settings))
        {
            // The moderator sees the score and the words that drove it.
            var detail = ScoreDrivers.Detail(score, context.Analyzer.Drivers(ClassifierKind.Toxicity, context.Subject.Body));
            if (rejects)
            {
                context.Reject(ReasonCodes.Toxic, Name, detail);
            }
            else
            {
                context.Hold(ReasonCodes.Toxic, Name, detail);
            }
        }
        return ValueTask.CompletedTask;
    }
}
