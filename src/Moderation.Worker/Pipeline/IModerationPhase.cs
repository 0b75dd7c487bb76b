namespace Moderation.Worker.Pipeline;

/// <summary>
/// One step of the moderation pipeline. It looks at the context and may add reasons, scores and matches, hold the
/// comment, or end the run with approve or reject (through the <see cref="ModerationContext"/> methods).
/// </summary>
public interface IModerationPhase
{
    string Name { get; }

    ValueTask EvaluateAsync(ModerationContext context, CancellationToken cancellationToken);
}
