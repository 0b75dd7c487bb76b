namespace Comments.Storage.Decisions;

/// <summary>Why a decision was made, kept whole with it (stored as JSON): every reason, score, match and timing.</summary>
public sealed record DecisionDetails
{
    public List<DecisionReason> Reasons { get; init; } = [];
    public Dictionary<string, double> Scores { get; init; } = [];
    public List<MatchedTerm> Matches { get; init; } = [];
    public Dictionary<string, string> ModelVersions { get; init; } = [];

    /// <summary>Microseconds each phase took, in the order they ran.</summary>
    public List<PhaseTiming> Phases { get; init; } = [];

    /// <summary>A moderator's note and the explanation shown to the author, for decisions by people.</summary>
    public string? Note { get; init; }
    public string? Explanation { get; init; }
}

public sealed record DecisionReason(string Code, string Phase, string? Detail = null);

public sealed record MatchedTerm(string Term, string List, int Start, int Length, string Text);

public sealed record PhaseTiming(string Phase, double Microseconds);
