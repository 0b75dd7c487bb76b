using System.ComponentModel.DataAnnotations;

namespace Comments.Api.Comments;

/// <summary>Limits on what readers send. Section <c>Comments</c>.</summary>
public sealed class CommentOptions
{
    public const string SectionName = "Comments";

    [Range(1, 100_000)] public int MaxBodyLength { get; set; } = 5_000;
    [Range(1_024, 10_485_760)] public long MaxRequestBodyBytes { get; set; } = 64 * 1024;
}
