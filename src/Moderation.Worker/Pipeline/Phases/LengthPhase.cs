using Comments.Storage.Decisions;
using Microsoft.Extensions.Options;

namespace Moderation.Worker.Pipeline.Phases;

/// <summary>Basic checks: the text must be within the length bounds and hold no NUL characters.</summary>
public sealed class LengthPhase(IOptionsMonitor<ModerationOptions> options) : IModerationPhase
{
    public const string TooShort = "TOO_SHORT";
    public const string TooLong = "TOO_LONG";
    public const string InvalidText = "INVALID_TEXT";

    public string Name => "length";

    public PhaseVerdict? Evaluate(ModerationSubject subject)
    {
        var settings = options.CurrentValue;
        var length = subject.Body.Trim().Length;
        if (subject.Body.Contains('\0'))
        {
            return new PhaseVerdict(DecisionOutcome.Rejected, InvalidText);
        }
        if (length < settings.MinBodyLength)
        {
            return new PhaseVerdict(DecisionOutcome.Rejected, TooShort);
        }
        return length > settings.MaxBodyLength ? new PhaseVerdict(DecisionOutcome.Rejected, TooLong) : null;
    }
}
