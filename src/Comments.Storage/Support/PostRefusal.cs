namespace Comments.Storage.Support;

/// <summary>A comment post the API refused (rate limit, validation, standing), kept so support can explain it.</summary>
public class PostRefusal
{
    public Guid Id { get; set; }
    public required string UserId { get; set; }
    public required string Reason { get; set; }
    public string? Detail { get; set; }
    public DateTimeOffset At { get; set; }
}
