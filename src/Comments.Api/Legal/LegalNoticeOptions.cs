using System.ComponentModel.DataAnnotations;

namespace Comments.Api.Legal;

/// <summary>The legal queue's service level and the limits on notices (articles 16 and 23). Section <c>LegalNotices</c>.</summary>
public sealed class LegalNoticeOptions
{
    public const string SectionName = "LegalNotices";

    /// <summary>A notice is due for a decision this many hours after it arrives; the queue shows overdue ones first.</summary>
    [Range(1, 8_760)] public int DecideWithinHours { get; set; } = 24;

    /// <summary>Notices one notifier (user or address) may send in 24 hours, whatever address they come from.</summary>
    [Range(1, 100_000)] public int MaxPerNotifierPerDay { get; set; } = 20;

    /// <summary>A moderator may suspend a notifier once this many of their notices were found manifestly unfounded.</summary>
    [Range(1, 1_000)] public int UnfoundedBeforeSuspension { get; set; } = 3;

    /// <summary>The longest suspension a moderator may set, in days.</summary>
    [Range(1, 3_650)] public int MaxSuspensionDays { get; set; } = 365;

    /// <summary>Acknowledgement mails one recipient address gets in 24 hours, whoever sends the notices; beyond it a notice is stored but not acknowledged by mail.</summary>
    [Range(1, 1_000)] public int MaxAcknowledgementsPerAddressPerDay { get; set; } = 5;

    /// <summary>The HMAC-SHA256 key of notifier keys (addresses, client networks); unset, <c>Auth:SigningKey</c> keys them.</summary>
    [MinLength(32)] public string? NotifierKeySecret { get => _secret; set => _secret = string.IsNullOrWhiteSpace(value) ? null : value; }

    private string? _secret;
}
