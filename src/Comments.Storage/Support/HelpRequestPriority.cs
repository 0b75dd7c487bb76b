namespace Comments.Storage.Support;

/// <summary>In queue order: the value is the request's priority rank, the support queue's first sort key.</summary>
public enum HelpRequestPriority
{
    Urgent,
    High,
    Normal,
    Low,
}
