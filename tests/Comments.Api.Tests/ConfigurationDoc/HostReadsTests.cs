namespace Comments.Api.Tests.ConfigurationDoc;

/// <summary>
/// The catalogue that ConfigurationDocTests checks the docs against is itself true: each host, built but not started,
/// asks for every key listed for it, binds no options class the catalogue leaves out, and reads no other key in the
/// catalogue's sections.
/// </summary>
public sealed class HostReadsTests
{
    [Fact]
    public async Task The_api_reads_the_settings_listed_for_it_and_no_others() => AssertReads(HostKind.Api, await HostSettingReads.ApiAsync());

    [Fact]
    public async Task The_worker_reads_the_settings_listed_for_it_and_no_others() => AssertReads(HostKind.Worker, await HostSettingReads.WorkerAsync());

    private static void AssertReads(HostKind host, HostReads reads)
    {
        var listedClasses = SettingsCatalogue.OptionsClasses.Select(c => c.Options).ToHashSet();
        var unlistedClasses = reads.BoundOptions.Where(t => !listedClasses.Contains(t)).Select(t => t.Name).ToList();
        var unread = SettingsCatalogue.All.Where(s => s.Host == host || s.Host == HostKind.Both)
            .Where(s => !reads.Keys.Contains(s.Key)).Select(s => $"{s.Key} ({s.ReadBy})").ToList();
        var unlistedKeys = reads.Keys.Where(IsUnlistedKeyOfListedSection).Order().ToList();

        Assert.True(unlistedClasses.Count == 0, $"The {host} binds options classes SettingsCatalogue.OptionsClasses leaves out: " +
            $"{string.Join(", ", unlistedClasses)}. Add each with its host, and its settings to docs/configuration.md.");
        Assert.True(unread.Count == 0, $"The {host} never reads these settings SettingsCatalogue lists for it: {string.Join(", ", unread)}. " +
            "Fix the key (SectionName, the raw key) or the host in SettingsCatalogue, or remove the setting there and in docs/configuration.md.");
        Assert.True(unlistedKeys.Count == 0, $"The {host} reads keys SettingsCatalogue does not list: {string.Join(", ", unlistedKeys)}. " +
            "Add each to SettingsCatalogue.RawKeys (or bind it through an options class) and give it a row in docs/configuration.md.");
    }

    private static readonly HashSet<string> Listed = SettingsCatalogue.All.Select(s => s.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> Sections = SettingsCatalogue.All.Select(s => s.Key.Split(':')[0]).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Keys of the framework (Logging, OTEL_*) are not ours to document; keys in our sections are.</summary>
    private static bool IsUnlistedKeyOfListedSection(string key) =>
        key.Contains(':') && Sections.Contains(key.Split(':')[0]) && !Listed.Contains(key)
        && !SettingsCatalogue.ReadOnlyProperties.Contains(key) && !key.EndsWith(":" + HostSettingReads.Probe, StringComparison.OrdinalIgnoreCase);
}
