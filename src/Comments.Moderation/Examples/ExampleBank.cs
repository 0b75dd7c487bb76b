using Comments.Moderation.Encoding;
using Comments.Moderation.Harms;

namespace Comments.Moderation.Examples;

/// <summary>A site's example comments per harm, embedded once; a new comment is compared with every example.</summary>
public sealed class ExampleBank
{
    private readonly List<(HarmKind Harm, string Text, float[] Embedding)> _examples;

    public ExampleBank(IEnumerable<(HarmKind Harm, string Text)> examples, StaticEncoder encoder)
    {
        _examples = [.. examples.Select(e => (e.Harm, e.Text, encoder.Embed(e.Text)))];
    }

    public static ExampleBank Empty { get; } = new([], StaticEncoder.Shipped);

    public static ExampleBank Starter() =>
        new(Enum.GetValues<HarmKind>().SelectMany(harm => StarterExamples.For(harm).Select(text => (harm, text))), StaticEncoder.Shipped);

    public int Count => _examples.Count;

    public ExampleMatch? Nearest(float[] embedding)
    {
        ExampleMatch? best = null;
        foreach (var (harm, text, example) in _examples)
        {
            var similarity = StaticEncoder.Similarity(embedding, example);
            if (best is null || similarity > best.Similarity)
            {
                best = new ExampleMatch(harm, text, similarity);
            }
        }
        return best;
    }
}
