namespace Comments.Moderation.Classification;

/// <summary>What ships beside a model: its version, the operating threshold chosen on validation, and its metrics.</summary>
public sealed record ModelCard
{
    public required string Name { get; init; }
    public required string Version { get; init; }
    public required double Threshold { get; init; }
    public required int Seed { get; init; }
    public required string TrainedFrom { get; init; }
    public required int TrainRows { get; init; }
    public required int ValidationRows { get; init; }
    public required int TestRows { get; init; }
    public required EvaluationReport Test { get; init; }
}
