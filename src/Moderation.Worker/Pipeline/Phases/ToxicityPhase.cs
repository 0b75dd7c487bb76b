using System.Globalization;
using Comments.Moderation.Reasons;

namespace Moderation.Worker.Pipeline.Phases;

/// <summary>7. The toxicity score: above the reject threshold (off by default) rejects, above the hold threshold holds.</summary>
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
        var detail = score.ToString("F3", CultureInfo.InvariantCulture);
        if (context.Settings.ToxicityRejectThreshold is { } reject && score >= reject)
        {
            context.Reject(ReasonCodes.Toxic, Name, detail);
        }
        else if (score >= context.Analyzer.ToxicityHoldThreshold(context.Settings))
        {
            context.Hold(ReasonCodes.Toxic, Name, detail);
        }
        return ValueTask.CompletedTask;
    }
}
