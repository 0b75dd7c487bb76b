using Comments.Moderation.Reasons;

namespace Moderation.Worker.Pipeline.Phases;

/// <summary>9. The same text from the same author within the window is held.</summary>
public sealed class RepeatPostPhase : IModerationPhase
{
    public string Name => "repeat_post";

    public async ValueTask EvaluateAsync(ModerationContext context, CancellationToken cancellationToken)
    {
        var window = TimeSpan.FromMinutes(context.Settings.RepeatPostWindowMinutes);
        if (context.Settings.RepeatPostEnabled && window > TimeSpan.Zero
            && await context.History.SameTextSinceAsync(context.Subject.CreatedAt - window, cancellationToken))
        {
            context.Hold(ReasonCodes.RepeatPost, Name);
        }
    }
}
