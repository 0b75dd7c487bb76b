using Comments.Storage.Decisions;

namespace Moderation.Worker.Pipeline;

/// <summary>Runs the registered phases in order; the first verdict decides, and a comment nobody objects to is approved.</summary>
public sealed class ModerationPipeline(IEnumerable<IModerationPhase> phases)
{
    private readonly IModerationPhase[] _phases = phases.ToArray();

    public ModerationResult Moderate(ModerationSubject subject)
    {
        foreach (var phase in _phases)
        {
            if (phase.Evaluate(subject) is { } verdict)
            {
                return new ModerationResult(verdict.Outcome, [verdict.ReasonCode]);
            }
        }
        return new ModerationResult(DecisionOutcome.Approved, []);
    }
}
