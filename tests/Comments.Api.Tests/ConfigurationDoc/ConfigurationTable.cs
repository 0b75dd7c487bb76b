using System.Text.RegularExpressions;
using Comments.Testing;

namespace Comments.Api.Tests.ConfigurationDoc;

/// <summary>A row of docs/configuration.md: <c>| `Section:Key` | `Section__Key` | default | meaning |</c>.</summary>
internal sealed record DocumentedSetting(string Key, HostKind? Host, string Variable, string Default, int Line)
{
    /// <summary>The default cell starts with the value in backticks or with "none".</summary>
    public bool TryReadDefault(out string? value)
    {
        var match = Regex.Match(Default, @"^(?:`(?<value>[^`]+)`|none\b)");
        value = match.Groups["value"].Success ? match.Groups["value"].Value : null;
        return match.Success;
    }

    /// <summary>Marked when the host's appsettings.json, not the code, gives the default.</summary>
    public bool FromAppSettings => Default.Contains(ConfigurationTable.AppSettingsMark, StringComparison.Ordinal);

    public override string ToString() => $"{Key} (line {Line})";
}

/// <summary>Reads the settings tables; the level-2 heading above a row names its host.</summary>
internal static partial class ConfigurationTable
{
    public const string AppSettingsMark = "(appsettings.json)";

    public static readonly Dictionary<string, HostKind> Headings = new()
    {
        ["Both hosts"] = HostKind.Both,
        ["API"] = HostKind.Api,
        ["Worker"] = HostKind.Worker,
    };

    public static string FilePath => Path.Combine(TestServices.RepositoryRoot, "docs", "configuration.md");

    public static IReadOnlyList<DocumentedSetting> Read()
    {
        var rows = new List<DocumentedSetting>();
        HostKind? host = null;
        var lines = File.ReadAllLines(FilePath);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("## ", StringComparison.Ordinal))
            {
                host = Headings.Where(h => lines[i][3..].StartsWith(h.Key, StringComparison.Ordinal)).Select(h => (HostKind?)h.Value).FirstOrDefault();
            }
            else if (lines[i].StartsWith("| `", StringComparison.Ordinal))
            {
                var cells = CellSeparator().Split(lines[i].Trim().Trim('|')).Select(c => c.Trim()).ToArray();
                rows.Add(new DocumentedSetting(cells[0].Trim('`'), host, cells.ElementAtOrDefault(1) ?? "", cells.ElementAtOrDefault(2) ?? "", i + 1));
            }
        }
        return rows;
    }

    /// <summary>A pipe not escaped as <c>\|</c>.</summary>
    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex CellSeparator();
}
