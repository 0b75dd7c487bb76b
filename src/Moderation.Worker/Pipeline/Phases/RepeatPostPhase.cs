using Comments.Moderation.Reasons;

namespace Moderation.Worker.Pipeline.Phases;

/// <summary>11. The same text from the same author within the window is held.</summary>
public sealed class RepeatPostPhase : IModerationPhase
{
    public string Name => "repeat_post";

    public async ValueTask EvaluateAsync(ModerationContext context, CancellationToken cancellationToken)
    {
        if (context.Settings.RepeatPostEnabled && context.Settings.RepeatPostWindowMinutes > 0
            && (await context.AuthorRecordAsync(cancellationToken)).SameTextRecently)
        {
            context.Hold(ReasonCodes.RepeatPost, Name);
        }
    }
}
