using Comments.Moderation.Reasons;

namespace Moderation.Worker.Pipeline.Phases;

/// <summary>13. With site pre-moderation on, everything is held.</summary>
public sealed class PreModerationPhase : IModerationPhase
{
    public string Name => "premoderation";

    public ValueTask EvaluateAsync(ModerationContext context, CancellationToken cancellationToken)
    {
        if (context.Settings.PreModeration)
        {
            context.Hold(ReasonCodes.PreModeration, Name);
        }
        return ValueTask.CompletedTask;
    }
}
