using Comments.Storage.Decisions;

namespace Moderation.Worker.Pipeline;

/// <summary>How a phase ended the run, and why.</summary>
public sealed record PhaseVerdict(DecisionOutcome Outcome, string ReasonCode);
