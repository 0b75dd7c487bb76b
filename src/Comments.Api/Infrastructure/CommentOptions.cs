using System.ComponentModel.DataAnnotations;

namespace Comments.Api.Infrastructure;

/// <summary>Limits on what readers send. Section <c>Comments</c>.</summary>
public sealed class CommentOptions
{
    public const string SectionName = "Comments";

    [Range(1, 100_000)] public int MaxBodyLength { get; set; } = 5_000;

    /// <summary>How many levels threads nest: 3 means top-level comments, replies, and replies to replies.</summary>
    [Range(1, 10)] public int MaxDepth { get; set; } = 3;

    /// <summary>How long after posting the author may edit.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")] public TimeSpan EditWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The host site this deployment serves; its moderation settings apply to new comments.</summary>
    [Required, RegularExpression("^[a-z0-9-]{1,100}$")] public string SiteId { get; set; } = "default";
    [Range(1_024, 10_485_760)] public long MaxRequestBodyBytes { get; set; } = 64 * 1024;
}
