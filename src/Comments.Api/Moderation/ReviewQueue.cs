namespace Comments.Api.Moderation;

/// <summary>pending = held by the pipeline; unmoderated = not yet decided; reported = open reports (<see cref="Queues"/>).</summary>
public enum ReviewQueue
{
    Pending,
    Reported,
    Rejected,
    Approved,
    Unmoderated,
}
