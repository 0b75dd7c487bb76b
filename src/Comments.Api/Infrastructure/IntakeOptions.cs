using System.ComponentModel.DataAnnotations;

namespace Comments.Api.Comments;

/// <summary>
/// The bounded retry around sending a comment to the broker. Section <c>Intake</c>. With the defaults a client
/// waits at most about 6.6 s (3 attempts of 2 s plus back-off) before it gets 503. When at least half of the sends in
/// <see cref="BreakerSamplingDuration"/> failed (and there were at least <see cref="BreakerMinimumThroughput"/>), the
/// circuit opens: for <see cref="BreakerBreakDuration"/> clients get 503 at once and no further sends pile up behind
/// the unreachable broker; then one send probes it.
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
