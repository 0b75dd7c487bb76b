namespace Comments.Api.Tests.ConfigurationDoc;

/// <summary>
/// Issue 18: docs/configuration.md's tables hold every setting the options classes and the raw reads know, nothing
/// else, each under its host's heading, with its environment variable and the default the code (or appsettings.json) gives it.
/// </summary>
public sealed class ConfigurationDocTests
{
    private const string Doc = "docs/configuration.md";
    private static readonly IReadOnlyList<DocumentedSetting> Rows = ConfigurationTable.Read();
    private static readonly Dictionary<string, Setting> Catalogue = SettingsCatalogue.All.ToDictionary(s => s.Key, StringComparer.Ordinal);

    [Fact]
    public void Every_setting_the_code_reads_has_a_row()
    {
        var documented = Rows.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        var missing = SettingsCatalogue.All.Where(s => !documented.Contains(s.Key)).Select(s => $"{s.Key} ({s.ReadBy})").ToList();

        Assert.True(missing.Count == 0, $"{Doc} has no row for: {string.Join(", ", missing)}. Add a row " +
            "| `Section:Key` | `Section__Key` | default | meaning | to the table under its host's heading (## Both hosts, ## API, ## Worker).");
    }

    [Fact]
    public void Every_row_is_a_setting_the_code_reads_once()
    {
        var unknown = Rows.Where(r => !Catalogue.ContainsKey(r.Key)).Select(r => r.ToString()).ToList();
        var twice = Rows.GroupBy(r => r.Key).Where(g => g.Count() > 1).Select(g => string.Join(" and ", g)).ToList();

        Assert.True(unknown.Count == 0, $"{Doc} lists settings that no options class binds and SettingsCatalogue.RawKeys does not hold: " +
            $"{string.Join(", ", unknown)}. Correct the name (Section:Property, as in the class) or remove the row; if the code reads the key " +
            "straight from IConfiguration, add it to SettingsCatalogue.RawKeys (HostReadsTests then checks that the host reads it).");
        Assert.True(twice.Count == 0, $"{Doc} lists settings twice: {string.Join("; ", twice)}. Keep one row each.");
    }

    [Fact]
    public void Each_row_sits_under_its_hosts_heading_with_its_environment_variable()
    {
        var problems = Rows.Where(r => Catalogue.ContainsKey(r.Key)).SelectMany(r => PlaceProblems(r, Catalogue[r.Key])).ToList();

        Assert.True(problems.Count == 0, $"{Doc}: {string.Join("; ", problems)}. Move a row under the heading of the host that reads it " +
            "(## Both hosts, ## API, ## Worker); its variable is the key with __ for : (a list's items __0, __1, ...).");
    }

    [Fact]
    public void Each_row_gives_the_default_of_the_code_or_of_appsettings_json()
    {
        var problems = Rows.Where(r => Catalogue.ContainsKey(r.Key)).SelectMany(r => DefaultProblems(r, Catalogue[r.Key])).ToList();

        Assert.True(problems.Count == 0, $"{Doc}'s Default column is wrong: {string.Join("; ", problems)}. Write `value` " +
            "(TimeSpan as hh:mm:ss[.fff], lists as `a, b`, true/false) or none (no value, empty text or list), followed by " +
            $"{ConfigurationTable.AppSettingsMark} when the host's appsettings.json sets a value other than the code's.");
    }

    private static IEnumerable<string> PlaceProblems(DocumentedSetting row, Setting setting)
    {
        if (row.Host != setting.Host)
        {
            yield return $"{row} is under {Heading(row.Host)}, but {setting.ReadBy} is read by {Heading(setting.Host)}";
        }
        if (!row.Variable.StartsWith($"`{setting.Variable}`", StringComparison.Ordinal))
        {
            yield return $"{row} gives the variable {row.Variable}, not `{setting.Variable}`";
        }
    }

    private static IEnumerable<string> DefaultProblems(DocumentedSetting row, Setting setting)
    {
        if (!row.TryReadDefault(out var written))
        {
            yield return $"{row}: \"{row.Default}\" starts with neither a `value` nor none";
            yield break;
        }
        var code = SettingValue.Format(setting.CodeDefault);
        var hosts = AppSettingsFiles.HostsOf(setting.Host)
            .Select(h => AppSettingsFiles.TryGet(h, setting, out var value) ? (Host: h, Set: true, Value: SettingValue.Format(value)) : (Host: h, Set: false, Value: code))
            .ToList();
        if (hosts.Select(h => h.Value).Distinct().Count() > 1)
        {
            yield return $"{row}: the hosts' defaults differ ({string.Join(", ", hosts.Select(h => $"{h.Host} {Show(h.Value)}"))}); give each host a row";
            yield break;
        }
        var fromAppSettings = hosts.Any(h => h.Set && h.Value != code);
        if (written != hosts[0].Value)
        {
            yield return $"{row} says {Show(written)}, {(fromAppSettings ? "appsettings.json" : setting.ReadBy)} {Show(hosts[0].Value)}";
        }
        if (row.FromAppSettings && !hosts.Any(h => h.Set))
        {
            yield return $"{row} is marked {ConfigurationTable.AppSettingsMark}, which does not set it";
        }
        if (!row.FromAppSettings && fromAppSettings)
        {
            yield return $"{row}: appsettings.json, not {setting.ReadBy}, gives the default; mark it {ConfigurationTable.AppSettingsMark}";
        }
    }

    private static string Show(string? value) => value is null ? "none" : $"`{value}`";

    private static string Heading(HostKind? host) =>
        ConfigurationTable.Headings.Where(h => h.Value == host).Select(h => $"## {h.Key}").FirstOrDefault() ?? "no host's heading";
}
