using Comments.Moderation.Reasons;

namespace Moderation.Worker.Pipeline.Phases;

/// <summary>13. An author's first N comments are held (off when N is 0).</summary>
public sealed class NewCommenterPhase : IModerationPhase
{
    public string Name => "new_commenter";

    public async ValueTask EvaluateAsync(ModerationContext context, CancellationToken cancellationToken)
    {
        if (context.Settings.NewCommenterCount > 0
            && (await context.AuthorRecordAsync(cancellationToken)).Earlier < context.Settings.NewCommenterCount)
        {
            context.Hold(ReasonCodes.NewCommenter, Name);
        }
    }
}
