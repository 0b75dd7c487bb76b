using Comments.Moderation.Reasons;

namespace Moderation.Worker.Pipeline.Phases;

/// <summary>1. Text outside the site's length bounds, or holding NUL characters, is rejected.</summary>
public sealed class LengthPhase : IModerationPhase
{
    public string Name => "length";

    public ValueTask EvaluateAsync(ModerationContext context, CancellationToken cancellationToken)
    {
        var body = context.Subject.Body;
        var length = body.Trim().Length;
        if (body.Contains('\0'))
        {
            context.Reject(ReasonCodes.InvalidText, Name);
        }
        else if (length < context.Settings.MinLength)
        {
            context.Reject(ReasonCodes.TooShort, Name, $"{length} < {context.Settings.MinLength}");
        }
        else if (length > context.Settings.MaxLength)
        {
            context.Reject(ReasonCodes.TooLong, Name, $"{length} > {context.Settings.MaxLength}");
        }
        return ValueTask.CompletedTask;
    }
}
