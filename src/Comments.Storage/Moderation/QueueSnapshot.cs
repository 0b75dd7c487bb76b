namespace Comments.Storage.Moderation;

/// <summary>Queue sizes at a moment, taken periodically by the worker, for the dashboard's charts.</summary>
public class QueueSnapshot
{
    public required string SiteId { get; set; }
    public required string Queue { get; set; }
    public DateTimeOffset TakenAt { get; set; }
    public int Count { get; set; }
}
