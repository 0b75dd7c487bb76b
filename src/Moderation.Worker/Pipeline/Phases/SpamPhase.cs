using Comments.Moderation.Classification;
using Comments.Moderation.Reasons;

namespace Moderation.Worker.Pipeline.Phases;

/// <summary>9. The spam score against the site's band (<see cref="ScoreBand"/>): held from the hold threshold, rejected from the reject threshold.</summary>
public sealed class SpamPhase : IModerationPhase
{
    public string Name => "spam";

    public ValueTask EvaluateAsync(ModerationContext context, CancellationToken cancellationToken)
    {
        if (!context.Settings.SpamEnabled)
        {
            return ValueTask.CompletedTask;
        }
        var score = context.Findings.Spam;
        context.Scores["spam"] = Math.Round(score, 4);
        context.ModelVersions["spam"] = context.Analyzer.SpamModel.Version;
        ScoreBand.Apply(context, ClassifierKind.Spam, ReasonCodes.Spam, Name, score, context.Analyzer.SpamHoldThreshold(context.Settings), context.Settings.SpamRejectThreshold);
        return ValueTask.CompletedTask;
    }
}
