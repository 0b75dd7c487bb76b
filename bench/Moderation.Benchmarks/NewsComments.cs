using Microsoft.VisualBasic.FileIO;

namespace Moderation.Benchmarks;

public static class NewsComments
{
    /// <summary>The texts of data/news-eval.csv (found by walking up to Comments.sln).</summary>
    public static IEnumerable<string> Load()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory!.FullName, "Comments.sln")))
        {
            directory = directory.Parent;
        }
        using var parser = new TextFieldParser(Path.Combine(directory.FullName, "data", "news-eval.csv")) { Delimiters = [","], HasFieldsEnclosedInQuotes = true };
        parser.ReadFields();
        while (parser.ReadFields() is { } fields)
        {
            yield return fields[0];
        }
    }
}
