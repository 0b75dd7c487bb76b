using System.ComponentModel.DataAnnotations;
using Comments.Storage.Articles;

namespace Comments.Moderation.Settings;

/// <summary>
/// One site's pipeline settings, edited by moderators through <c>PUT /api/moderation/settings</c> and applied to the
/// next comment. Defaults here are the ones a new site starts with. Null thresholds mean "the model's own". Each model's
/// hold and reject thresholds bound the band where a human decides rather than the model (reject is off by default).
/// </summary>
public sealed record ModerationSettings
{
    [Range(1, 100_000)] public int MinLength { get; init; } = 1;
    [Range(1, 100_000)] public int MaxLength { get; init; } = 5_000;

    public bool StaffBypass { get; init; } = true;
    public bool BannedWordsEnabled { get; init; } = true;
    public bool SuspectWordsEnabled { get; init; } = true;

    /// <summary>Hold a comment with a phrase that names a harm (a threat, someone's address, ...) under that harm's code.</summary>
    public bool HarmRulesEnabled { get; init; } = true;

    /// <summary>Hold a comment this close to an example of a harm in the site's bank (cosine similarity; 1 turns it off).</summary>
    [Range(0.5, 1.0)] public double ExampleSimilarity { get; init; } = 0.85;

    public bool ToxicityEnabled { get; init; } = true;
    [Range(0.0, 1.0)] public double? ToxicityHoldThreshold { get; init; }
    [Range(0.0, 1.0)] public double? ToxicityRejectThreshold { get; init; }

    public bool SpamEnabled { get; init; } = true;
    [Range(0.0, 1.0)] public double? SpamHoldThreshold { get; init; }
    [Range(0.0, 1.0)] public double? SpamRejectThreshold { get; init; }

    public bool LinksEnabled { get; init; } = true;
    [Range(0, 1_000)] public int LinksMinApprovedComments { get; init; } = 3;

    public bool RepeatPostEnabled { get; init; } = true;
    [Range(0, 10_080)] public int RepeatPostWindowMinutes { get; init; } = 6;

    public bool RecentHistoryEnabled { get; init; } = true;
    [Range(1, 365)] public int RecentHistoryWindowDays { get; init; } = 7;
    [Range(0.0, 1.0)] public double RecentHistoryRejectedRatio { get; init; } = 0.3;
    [Range(1, 1_000)] public int RecentHistoryMinDecided { get; init; } = 5;

    /// <summary>Retrain the models from moderators' decisions at most this often (hours; 0 turns it off)...</summary>
    [Range(0, 8_760)] public int RetrainingIntervalHours { get; init; } = 168;

    /// <summary>...and only once this many people's decisions are new since the last run.</summary>
    [Range(1, 1_000_000)] public int RetrainingMinNewDecisions { get; init; } = 100;

    /// <summary>Hold an author's first N comments; 0 turns it off.</summary>
    [Range(0, 1_000)] public int NewCommenterCount { get; init; }

    /// <summary>Hide a comment from the public once its open reports weigh this much (0 turns auto-hide off).</summary>
    [Range(0.0, 1_000.0)] public double AutoHideReportWeight { get; init; } = 3.0;

    /// <summary>Hold every comment on the site for a moderator.</summary>
    public bool PreModeration { get; init; }

    /// <summary>Close an article to new comments this many days after its first published comment, unless the article says otherwise (0 turns it off).</summary>
    [Range(0, 3_650)] public int ArticleAutoCloseDays { get; init; }

    /// <summary>
    /// An article under attack protects itself (docs/how-it-works.md, "Brigades"): the worker watches each article's last
    /// <see cref="BrigadeWindowMinutes"/> and, once <see cref="BrigadeSignalsRequired"/> of the four signals below cross
    /// their thresholds with at least <see cref="BrigadeMinComments"/> comments, applies <see cref="BrigadeMode"/> for
    /// <see cref="BrigadeProtectionMinutes"/>.
    /// </summary>
    public bool BrigadeProtectionEnabled { get; init; } = true;
    [Range(1, 120)] public int BrigadeWindowMinutes { get; init; } = 5;
    [Range(1, 100_000)] public int BrigadeMinComments { get; init; } = 10;

    /// <summary>Share of the window's decided comments that were held or rejected.</summary>
    [Range(0.0, 1.0)] public double BrigadeHeldShare { get; init; } = 0.4;

    /// <summary>Share of the window's comments by authors first seen on the site less than a day ago.</summary>
    [Range(0.0, 1.0)] public double BrigadeNewAccountShare { get; init; } = 0.6;

    /// <summary>Reports made in the window per comment made in it.</summary>
    [Range(0.0, 100.0)] public double BrigadeReportsPerComment { get; init; } = 0.3;

    /// <summary>Comments per minute in the window against the article's usual rate (its previous day, at least one a minute).</summary>
    [Range(1.0, 1_000.0)] public double BrigadeRateMultiplier { get; init; } = 5.0;

    [Range(1, 4)] public int BrigadeSignalsRequired { get; init; } = 2;
    public ArticleProtectionMode BrigadeMode { get; init; } = ArticleProtectionMode.PreModeration;
    [Range(1, 86_400)] public int BrigadeSlowModeSeconds { get; init; } = 120;
    [Range(1, 10_080)] public int BrigadeProtectionMinutes { get; init; } = 60;

    /// <summary>The legal grounds a notice of illegal content can name (<see cref="NoticeCategory"/>).</summary>
    public IReadOnlyList<NoticeCategory> NoticeCategories { get; init; } = NoticeCategory.Defaults;

    public IEnumerable<string> Validate()
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(this, new ValidationContext(this), results, validateAllProperties: true);
        foreach (var result in results)
        {
            yield return result.ErrorMessage ?? "invalid value";
        }
        foreach (var error in NoticeCategory.Validate(NoticeCategories))
        {
            yield return error;
        }
        if (MinLength > MaxLength)
        {
            yield return "MinLength must not exceed MaxLength.";
        }
        if (ToxicityHoldThreshold is { } hold && ToxicityRejectThreshold is { } reject && reject < hold)
        {
            yield return "ToxicityRejectThreshold must not be below ToxicityHoldThreshold.";
        }
        if (SpamHoldThreshold is { } spamHold && SpamRejectThreshold is { } spamReject && spamReject < spamHold)
        {
            yield return "SpamRejectThreshold must not be below SpamHoldThreshold.";
        }
    }
}
