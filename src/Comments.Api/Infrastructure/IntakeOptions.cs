using System.ComponentModel.DataAnnotations;

namespace Comments.Api.Infrastructure;

/// <summary>
/// The bounded retry and the circuit around sending to the broker (section <c>Intake</c>): with the defaults a client
/// waits at most about 6.6 s before a 503, and while the circuit is open gets one at once.
/// </summary>
public sealed class IntakeOptions
{
    public const string SectionName = "Intake";

    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")] public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(2);
    [Range(0, 10)] public int RetryAttempts { get; set; } = 2;
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")] public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);
    [Range(1, 3600)] public int RetryAfterSeconds { get; set; } = 5;
    [Range(2, 100_000)] public int BreakerMinimumThroughput { get; set; } = 10;
    [Range(typeof(TimeSpan), "00:00:00.500", "00:10:00")] public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(10);
    [Range(typeof(TimeSpan), "00:00:00.500", "00:10:00")] public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(5);
}
