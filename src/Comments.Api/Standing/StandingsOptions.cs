using System.ComponentModel.DataAnnotations;

namespace Comments.Api.Standing;

/// <summary>
/// Section <c>Standings</c>. Each API instance reloads its set of banned and suspended readers this often, which bounds
/// how long a missed <c>ReaderStandingChanged</c> event (or a standing written straight to the database) goes unseen.
/// </summary>
public sealed class StandingsOptions
{
    public const string SectionName = "Standings";

    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")] public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(30);
}
