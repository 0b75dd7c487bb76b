using Comments.Moderation.Harms;

namespace Comments.Moderation.Examples;

/// <summary>
/// The bank a site starts with (<c>Examples/starter-examples.txt</c>, lines <c>Kind | text</c>), written for the purpose
/// and kept apart from every evaluation set.
/// </summary>
public static class StarterExamples
{
    private static readonly Lazy<ILookup<HarmKind, string>> All = new(() => Parse(
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Examples", "starter-examples.txt"))));

    public static IReadOnlyList<string> For(HarmKind harm) => [.. All.Value[harm]];

    public static ILookup<HarmKind, string> Parse(IEnumerable<string> lines) =>
        lines.Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('|', 2, StringSplitOptions.TrimEntries))
            .ToLookup(parts => Enum.Parse<HarmKind>(parts[0]), parts => parts[1]);
}
