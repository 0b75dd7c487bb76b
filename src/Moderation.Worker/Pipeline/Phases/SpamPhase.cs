using System.Globalization;
using Comments.Moderation.Reasons;

namespace Moderation.Worker.Pipeline.Phases;

/// <summary>8. The spam score above its threshold holds the comment.</summary>
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
        if (score >= context.Analyzer.SpamHoldThreshold(context.Settings))
        {
            context.Hold(ReasonCodes.Spam, Name, score.ToString("F3", CultureInfo.InvariantCulture));
        }
        return ValueTask.CompletedTask;
    }
}
