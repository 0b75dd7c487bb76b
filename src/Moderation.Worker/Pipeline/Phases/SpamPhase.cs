using Comments.Moderation.Classification;
using Comments.Moderation.Reasons;

namespace Moderation.Worker.Pipeline.Phases;

/// <summary>8. The spam score above its threshold holds the comment; the reason carries the score and the words that drove it.</summary>
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
            context.Hold(ReasonCodes.Spam, Name, ScoreDrivers.Detail(score, context.Analyzer.Drivers(ClassifierKind.Spam, context.Subject.Body)));
        }
        return ValueTask.CompletedTask;
    }
}
