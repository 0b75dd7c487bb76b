namespace Comments.Moderation.Words;

/// <summary>
/// The lists a site starts with, shipped in <c>Wordlists/</c>: seeded from LDNOOBW English (CC BY 4.0, licence file
/// beside them); docs/classifier.md explains which entries went to which list.
/// </summary>
public static class DefaultWordLists
{
    private static readonly Lazy<IReadOnlyList<string>> Banned = new(() => Read("banned.txt"));
    private static readonly Lazy<IReadOnlyList<string>> Suspect = new(() => Read("suspect.txt"));

    public static IReadOnlyList<string> For(WordListKind kind) => kind == WordListKind.Banned ? Banned.Value : Suspect.Value;

    /// <summary>One entry per line; blank lines and lines starting with # are ignored.</summary>
    public static IReadOnlyList<string> Parse(IEnumerable<string> lines) =>
        [.. lines.Select(line => line.Trim()).Where(line => line.Length > 0 && !line.StartsWith('#')).Distinct()];

    private static IReadOnlyList<string> Read(string file) =>
        Parse(File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Wordlists", file)));
}
