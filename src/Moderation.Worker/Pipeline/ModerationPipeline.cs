using System.Diagnostics;
using Comments.Storage.Decisions;

namespace Moderation.Worker.Pipeline;

/// <summary>
/// Runs the phases in their registered order. A reject or an approve ends the run; holds add up. The outcome is
/// rejected if any phase rejected, else held if any phase held, else approved.
/// </summary>
public sealed class ModerationPipeline(IEnumerable<IModerationPhase> phases)
{
    private readonly IModerationPhase[] _phases = phases.ToArray();

    public IReadOnlyList<string> PhaseNames => [.. _phases.Select(p => p.Name)];

    public async Task<ModerationResult> ModerateAsync(ModerationContext context, CancellationToken cancellationToken)
    {
        var timings = new List<PhaseTiming>(_phases.Length);
        foreach (var phase in _phases)
        {
            var started = Stopwatch.GetTimestamp();
            await phase.EvaluateAsync(context, cancellationToken);
            timings.Add(new PhaseTiming(phase.Name, Math.Round(Stopwatch.GetElapsedTime(started).TotalMicroseconds, 1)));
            if (context.Ended)
            {
                break;
            }
        }

        var outcome = context.FinalOutcome ?? (context.Held ? DecisionOutcome.Held : DecisionOutcome.Approved);
        var details = new DecisionDetails
        {
            Reasons = context.Reasons,
            Scores = context.Scores,
            Matches = context.Matches,
            ModelVersions = context.ModelVersions,
            Phases = timings,
        };
        var codes = context.Reasons.Select(r => r.Code).Distinct().ToList();
        return new ModerationResult(outcome, codes, details);
    }
}
