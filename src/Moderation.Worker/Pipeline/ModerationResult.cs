using Comments.Storage.Decisions;

namespace Moderation.Worker.Pipeline;

public sealed record ModerationResult(DecisionOutcome Outcome, IReadOnlyList<string> ReasonCodes, DecisionDetails Details);
