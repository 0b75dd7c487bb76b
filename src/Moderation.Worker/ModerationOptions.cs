using System.ComponentModel.DataAnnotations;

namespace Moderation.Worker;

/// <summary>Pipeline settings. Section <c>Moderation</c>.</summary>
public sealed class ModerationOptions
{
    public const string SectionName = "Moderation";

    [Range(1, 100_000)] public int MinBodyLength { get; set; } = 1;
    [Range(1, 100_000)] public int MaxBodyLength { get; set; } = 5_000;
}
