using Microsoft.ML.Tokenizers;

namespace Comments.Moderation.Encoding;

/// <summary>
/// A sentence embedding in microseconds: every WordPiece token of all-MiniLM-L6-v2 was run through the encoder once
/// (<c>classifier.sh distill</c>, the Model2Vec method); a text's vector is the mean of its tokens' rows, unit length.
/// Rows stay int8 with one scale each in memory (8 MB, not 31: the API's GC heap is capped at 128 MB). Thread-safe; load once.
/// </summary>
public sealed class StaticEncoder
{
    public const int Dimensions = 256;

    private readonly BertTokenizer _tokenizer;
    private readonly sbyte[] _rows;
    private readonly float[] _scales;

    private StaticEncoder(BertTokenizer tokenizer, sbyte[] rows, float[] scales)
    {
        _tokenizer = tokenizer;
        _rows = rows;
        _scales = scales;
    }

    public static string MatrixPath(string directory) => Path.Combine(directory, "encoder.bin");

    public static string VocabularyPath(string directory) => Path.Combine(directory, "encoder-vocab.txt");

    private static readonly Lazy<StaticEncoder> ShippedEncoder = new(() => Load(Path.Combine(AppContext.BaseDirectory, "Models")));

    /// <summary>The encoder shipped in the application's <c>Models/</c> folder.</summary>
    public static StaticEncoder Shipped => ShippedEncoder.Value;

    public static StaticEncoder Load(string directory)
    {
        var tokenizer = BertTokenizer.Create(VocabularyPath(directory));
        using var reader = new BinaryReader(File.OpenRead(MatrixPath(directory)));
        var count = reader.ReadInt32();
        var dimensions = reader.ReadInt32();
        if (dimensions != Dimensions)
        {
            throw new InvalidDataException($"{MatrixPath(directory)} has {dimensions} dimensions; this build reads {Dimensions}");
        }
        var rows = new sbyte[count * dimensions];
        var scales = new float[count];
        for (var row = 0; row < count; row++)
        {
            scales[row] = reader.ReadSingle();
            reader.BaseStream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(rows.AsSpan(row * dimensions, dimensions)));
        }
        return new StaticEncoder(tokenizer, rows, scales);
    }

    /// <summary>Writes token rows (already weighted) as int8 with one scale per row: 8 MB instead of 31.</summary>
    public static void Save(string path, IReadOnlyList<float[]> rows)
    {
        using var writer = new BinaryWriter(File.Create(path));
        writer.Write(rows.Count);
        writer.Write(Dimensions);
        foreach (var row in rows)
        {
            var scale = Math.Max(row.Max(MathF.Abs), 1e-12f) / 127f;
            writer.Write(scale);
            foreach (var value in row)
            {
                writer.Write((sbyte)Math.Clamp(MathF.Round(value / scale), -127, 127));
            }
        }
    }

    public float[] Embed(string text)
    {
        var vector = new float[Dimensions];
        Span<float> row = stackalloc float[Dimensions];
        var ids = _tokenizer.EncodeToIds(text, addSpecialTokens: false, considerPreTokenization: true, considerNormalization: true);
        foreach (var id in ids)
        {
            System.Numerics.Tensors.TensorPrimitives.ConvertTruncating<sbyte, float>(_rows.AsSpan(id * Dimensions, Dimensions), row);
            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(row, _scales[id], vector, vector);
        }
        var norm = System.Numerics.Tensors.TensorPrimitives.Norm(vector);
        if (norm > 0)
        {
            System.Numerics.Tensors.TensorPrimitives.Divide(vector, norm, vector);
        }
        return vector;
    }

    /// <summary>Cosine similarity of two <see cref="Embed"/> results (both unit length).</summary>
    public static float Similarity(float[] a, float[] b) => System.Numerics.Tensors.TensorPrimitives.Dot(a, b);
}
