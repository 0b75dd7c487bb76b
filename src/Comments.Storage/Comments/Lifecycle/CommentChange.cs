using Comments.Storage.Decisions;

namespace Comments.Storage.Comments.Lifecycle;

/// <summary>
/// One change asked of <see cref="CommentLifecycle"/>: who, what, when, and for decisions the reasons and details
/// stored with them. <see cref="Audit"/> adds what this change alone knows to the audit entry (a note, a help request).
/// </summary>
public sealed record CommentChange(LifecycleActor Actor, string ActorId, CommentAction Action, DateTimeOffset At)
{
    public IReadOnlyList<string> ReasonCodes { get; init; } = [];
    public DecisionDetails Details { get; init; } = new();
    public object? Audit { get; init; }
}
