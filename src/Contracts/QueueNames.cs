namespace Comments.Contracts;

/// <summary>
/// Queues that are part of the contract between the API and the worker. The API sends to them directly, so
/// they exist (durable) before any worker has started and nothing accepted is dropped for want of a binding.
/// </summary>
public static class QueueNames
{
    public const string ModerateComment = "moderate-comment";
    public const string TriageHelpRequest = "triage-help-request";
}
