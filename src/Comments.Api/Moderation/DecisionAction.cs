namespace Comments.Api.Moderation;

public enum DecisionAction
{
    Approve,
    Reject,
}
