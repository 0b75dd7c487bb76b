using System.ComponentModel.DataAnnotations;

namespace Comments.Api.Moderation;

/// <summary>Section <c>Workbench</c>.</summary>
public sealed class WorkbenchOptions
{
    public const string SectionName = "Workbench";

    /// <summary>How long a claim keeps other moderators off an item.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")] public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);

    [Range(1, 100)] public int MaxBulkDecisions { get; set; } = 100;
}
