using System.ComponentModel.DataAnnotations;

namespace Moderation.Worker.Retention;

/// <summary>How long personal data is kept, and how often confirmed erasures are carried out (docs/personal-data.md). Section <c>Retention</c>.</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    [Range(0, 3_650)] public int DeletedCommentDays { get; set; } = 30;

    /// <summary>A resolved or closed help request, its thread and the mail sent about it, counted from its last change.</summary>
    [Range(1, 3_650)] public int HelpRequestDays { get; set; } = 365;

    /// <summary>Sent or failed mail (notification digests, notices' mail, help-request mail), counted from when it was written.</summary>
    [Range(1, 3_650)] public int OutgoingMailDays { get; set; } = 90;

    /// <summary>Records of refused posts, which support reads to explain a refusal.</summary>
    [Range(1, 3_650)] public int PostRefusalDays { get; set; } = 90;

    /// <summary>A reader's notifications, read or not.</summary>
    [Range(1, 3_650)] public int NotificationDays { get; set; } = 180;

    /// <summary>The help form's previews (no personal data; kept only as long as their counts are useful).</summary>
    [Range(1, 3_650)] public int HelpPreviewDays { get; set; } = 90;

    /// <summary>A legal notice's notifier name and address, counted from the notice's decision; the notice itself stays.</summary>
    [Range(1, 3_650)] public int NoticeContactDays { get; set; } = 180;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")] public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often confirmed erasures are carried out; keep it well below the API's <c>Privacy:ErasureDeadline</c>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")] public TimeSpan ErasureInterval { get; set; } = TimeSpan.FromMinutes(5);
}
