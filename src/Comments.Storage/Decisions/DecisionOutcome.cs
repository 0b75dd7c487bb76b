namespace Comments.Storage.Decisions;

public enum DecisionOutcome
{
    Approved,
    Held,
    Rejected,
}
