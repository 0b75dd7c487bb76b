namespace Comments.ServiceDefaults.Broker;

/// <summary>
/// A message that failed all its retries and waits in an <c>_error</c> queue, described from MassTransit's fault
/// headers. The payload itself (a reader's text) is not shown.
/// </summary>
public sealed record FailedMessage(
    string Id,
    string Queue,
    string? MessageType,
    Guid? CommentId,
    string? ExceptionType,
    string? Reason,
    DateTimeOffset? FailedAt,
    int? Retries);
