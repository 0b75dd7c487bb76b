namespace Comments.ServiceDefaults;

/// <summary>
/// The RabbitMQ queue type of the two intake queues (moderate-comment, triage-help-request). Quorum queues are
/// replicated over a cluster's nodes and survive the loss of a minority of them; classic queues live on one node.
/// </summary>
public enum QueueType
{
    Classic,
    Quorum,
}
