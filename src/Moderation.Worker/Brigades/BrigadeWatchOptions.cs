using System.ComponentModel.DataAnnotations;

namespace Moderation.Worker.Brigades;

/// <summary>Section <c>BrigadeWatch</c>: how often the worker looks at articles' last minutes. The thresholds are site settings.</summary>
public sealed class BrigadeWatchOptions
{
    public const string SectionName = "BrigadeWatch";

    public bool Enabled { get; set; } = true;
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")] public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(15);
}
