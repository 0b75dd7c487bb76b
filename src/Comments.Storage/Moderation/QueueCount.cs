namespace Comments.Storage.Moderation;

/// <summary>How many comments a moderation queue holds, per site; kept by a database trigger on comments.</summary>
public class QueueCount
{
    public required string SiteId { get; set; }
    public required string Queue { get; set; }
    public int Count { get; set; }
}
