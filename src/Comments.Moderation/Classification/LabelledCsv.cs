using Microsoft.ML;
using Microsoft.ML.Data;

namespace Comments.Moderation.Classification;

/// <summary>
/// Reads any CSV with a header that has a <c>text</c> and a 0/1 <c>label</c> column (other columns are ignored;
/// quoted fields may hold commas and newlines).
/// </summary>
public static class LabelledCsv
{
    public static IDataView Load(MLContext ml, string path, string labelName = "label")
    {
        var header = ParseHeader(File.ReadLines(path).FirstOrDefault() ?? "");
        var textColumn = header.IndexOf("text");
        var labelColumn = header.IndexOf(labelName.ToLowerInvariant());
        if (textColumn < 0 || labelColumn < 0)
        {
            throw new InvalidDataException($"{path} needs a header with 'text' and '{labelName}' columns; it has: {string.Join(", ", header)}");
        }
        var loader = ml.Data.CreateTextLoader(new TextLoader.Options
        {
            HasHeader = true,
            Separators = [','],
            AllowQuoting = true,
            ReadMultilines = true,
            Columns =
            [
                new TextLoader.Column(nameof(LabelledText.Text), DataKind.String, textColumn),
                new TextLoader.Column(nameof(LabelledText.Label), DataKind.Boolean, labelColumn),
            ],
        });
        return loader.Load(path);
    }

    public static List<LabelledText> Read(MLContext ml, string path, string labelName = "label") =>
        [.. ml.Data.CreateEnumerable<LabelledText>(Load(ml, path, labelName), reuseRowObject: false)];

    private static List<string> ParseHeader(string line) =>
        [.. line.Split(',').Select(name => name.Trim().Trim('"').Trim().ToLowerInvariant())];
}
