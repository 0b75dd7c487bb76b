using System.ComponentModel.DataAnnotations;

namespace Comments.Api.Support;

/// <summary>Section <c>HelpPreview</c>: the help form's answer before a request is sent.</summary>
public sealed class HelpPreviewOptions
{
    public const string SectionName = "HelpPreview";

    /// <summary>
    /// How long after a preview a help request still counts as sent after it; a preview older than this without one
    /// counts as answered without a request.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")] public TimeSpan RequestWindow { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How far back support's stats count previews.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "90.00:00:00")] public TimeSpan StatsPeriod { get; set; } = TimeSpan.FromDays(7);
}
