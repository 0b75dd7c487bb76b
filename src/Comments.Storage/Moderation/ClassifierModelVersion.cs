namespace Comments.Storage.Moderation;

/// <summary>A promoted classifier model. Workers load the newest one per kind without a restart.</summary>
public class ClassifierModelVersion
{
    public required string Version { get; set; }

    /// <summary>"toxicity" or "spam".</summary>
    public required string Kind { get; set; }

    public required byte[] Model { get; set; }
    public required string CardJson { get; set; }
    public DateTimeOffset PromotedAt { get; set; }
}
