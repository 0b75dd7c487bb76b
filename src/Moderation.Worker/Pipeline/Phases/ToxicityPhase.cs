using Comments.Moderation.Classification;
using Comments.Moderation.Reasons;

namespace Moderation.Worker.Pipeline.Phases;

/// <summary>
/// 8. The toxicity score against the site's band (<see cref="ScoreBand"/>): held from the hold threshold, rejected from
/// the reject threshold (off by default).
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
        ScoreBand.Apply(context, ClassifierKind.Toxicity, ReasonCodes.Toxic, Name, score, context.Analyzer.ToxicityHoldThreshold(context.Settings),
            context.Settings.ToxicityRejectThreshold);
        return ValueTask.CompletedTask;
    }
}
