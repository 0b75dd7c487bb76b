using System.ComponentModel.DataAnnotations;

namespace Moderation.Worker.Learning;

/// <summary>How often the worker looks whether retraining is due (the site settings say when it is). Section <c>Retraining</c>.</summary>
public sealed class RetrainingOptions
{
    public const string SectionName = "Retraining";

    /// <summary>Off on workers that should never train (with several workers, one is enough).</summary>
    public bool Enabled { get; set; } = true;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")] public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The seed data; empty means the <c>TrainingData/</c> folder shipped with the worker.</summary>
    public string DataDirectory { get; set; } = "";
}
