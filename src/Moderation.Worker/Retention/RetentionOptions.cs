using System.ComponentModel.DataAnnotations;

namespace Moderation.Worker.Retention;

/// <summary>How long moderators can still read what an author deleted. Section <c>Retention</c>.</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    [Range(0, 3_650)] public int DeletedCommentDays { get; set; } = 30;
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")] public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}
