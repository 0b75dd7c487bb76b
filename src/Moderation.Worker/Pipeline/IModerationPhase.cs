namespace Moderation.Worker.Pipeline;

/// <summary>One step of the moderation pipeline. Returns a verdict to end the run, or null to pass it on.</summary>
public interface IModerationPhase
{
    string Name { get; }

    PhaseVerdict? Evaluate(ModerationSubject subject);
}
