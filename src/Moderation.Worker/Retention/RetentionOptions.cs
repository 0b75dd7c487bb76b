using System.ComponentModel.DataAnnotations;

namespace Moderation.Worker.Retention;

/// <summary>How long deleted comments and finished help requests are kept (docs/personal-data.md). Section <c>Retention</c>.</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    [Range(0, 3_650)] public int DeletedCommentDays { get; set; } = 30;

    /// <summary>A resolved or closed help request, its thread and the mail sent about it, counted from its last change.</summary>
    [Range(1, 3_650)] public int HelpRequestDays { get; set; } = 365;
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")] public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}
