using System.ComponentModel.DataAnnotations;

namespace Comments.Api.Privacy;

/// <summary>Erasure on request (docs/personal-data.md). Section <c>Privacy</c>.</summary>
public sealed class PrivacyOptions
{
    public const string SectionName = "Privacy";

    /// <summary>How long the code from the first erase call confirms it.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")] public TimeSpan ConfirmationLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The promise to the reader: a confirmed erasure is carried out by then (the worker takes confirmed requests every
    /// <c>Retention:ErasureInterval</c>, which must be shorter). GDPR asks for one month at most.
    /// </summary>
    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00")] public TimeSpan ErasureDeadline { get; set; } = TimeSpan.FromDays(1);
}
