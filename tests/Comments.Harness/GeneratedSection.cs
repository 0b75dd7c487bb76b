namespace Comments.Harness;

/// <summary>
/// The part of a hand-written document between two HTML comments that a tool rewrites on each run (the latest
/// fault-injection or benchmark results); the text around it stays as written.
/// </summary>
public sealed record GeneratedSection(string Start, string End)
{
    public async Task WriteAsync(string path, string title, string content)
    {
        var section = $"{Start}\n{content.TrimEnd()}\n{End}";
        var document = File.Exists(path) ? await File.ReadAllTextAsync(path) : $"# {title}\n\n{Start}\n{End}\n";
        var from = document.IndexOf(Start, StringComparison.Ordinal);
        var to = document.IndexOf(End, StringComparison.Ordinal);
        document = from >= 0 && to > from
            ? document[..from] + section + document[(to + End.Length)..]
            : document.TrimEnd() + "\n\n" + section + "\n";
        await File.WriteAllTextAsync(path, document);
    }
}
