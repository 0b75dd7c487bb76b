using Comments.Storage;
using System.Text.Json;
using Comments.Moderation.Encoding;
using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;

namespace Comments.Moderation.Classification;

/// <summary>
/// A trained classifier. Its card is read at once; the model itself is loaded on the first <see cref="Score"/>
/// (a few MB each, plus the shared <see cref="StaticEncoder"/>: the API, which scores only drafts, does not carry them until a draft is checked).
/// <see cref="Score"/> is thread-safe: ML.NET prediction engines are not, so each call borrows one from a pool.
/// </summary>
public sealed class ClassifierModel
{
    private readonly Lazy<ObjectPool<PredictionEngine<ClassifierInput, ScoredText>>> _engines;

    public ClassifierModel(ITransformer model, ModelCard card) : this(() => model, card)
    {
    }

    private ClassifierModel(Func<ITransformer> load, ModelCard card)
    {
        Card = card;
        _engines = new(() => new DefaultObjectPool<PredictionEngine<ClassifierInput, ScoredText>>(
            new EnginePolicy(new MLContext(card.Seed), load()), Environment.ProcessorCount * 4));
    }

    public ModelCard Card { get; }

    /// <summary>Whether the model has been loaded (by a first <see cref="Score"/>).</summary>
    public bool IsLoaded => _engines.IsValueCreated;

    public float Score(string text) => Predict(text, StaticEncoder.Shipped.Embed(text)).Probability;

    /// <summary>The score of a text whose <see cref="StaticEncoder"/> embedding the caller already has.</summary>
    public float Score(string text, float[] embedding) => Predict(text, embedding).Probability;

    /// <summary>The linear score before calibration (see <see cref="ScoredText.Margin"/>).</summary>
    public float Margin(string text) => Predict(text, StaticEncoder.Shipped.Embed(text)).Margin;

    private ScoredText Predict(string text, float[] embedding)
    {
        var engines = _engines.Value;
        var engine = engines.Get();
        try
        {
            return engine.Predict(new ClassifierInput { Text = text, Embedding = embedding });
        }
        finally
        {
            engines.Return(engine);
        }
    }

    public static string ModelPath(string directory, ClassifierKind kind) => Path.Combine(directory, $"{Name(kind)}.zip");

    public static string CardPath(string directory, ClassifierKind kind) => Path.Combine(directory, $"{Name(kind)}.json");

    public static ClassifierModel Load(string directory, ClassifierKind kind)
    {
        var path = ModelPath(directory, kind);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No {kind} model at {path}", path);
        }
        var card = JsonSerializer.Deserialize<ModelCard>(File.ReadAllText(CardPath(directory, kind)))
            ?? throw new InvalidDataException($"Empty model card for {kind}");
        return new ClassifierModel(() => new MLContext().Model.Load(path, out _), card);
    }

    public static ClassifierModel FromBytes(byte[] zip, string cardJson)
    {
        var card = JsonSerializer.Deserialize<ModelCard>(cardJson) ?? throw new InvalidDataException("Empty model card");
        return new ClassifierModel(() =>
        {
            using var stream = new MemoryStream(zip);
            return new MLContext().Model.Load(stream, out _);
        }, card);
    }

    public static byte[] ToBytes(ITransformer model, DataViewSchema schema, int seed)
    {
        using var stream = new MemoryStream();
        new MLContext(seed).Model.Save(model, schema, stream);
        return stream.ToArray();
    }

    public static void Save(string directory, ClassifierKind kind, ITransformer model, DataViewSchema schema, ModelCard card)
    {
        Directory.CreateDirectory(directory);
        new MLContext(card.Seed).Model.Save(model, schema, ModelPath(directory, kind));
        File.WriteAllText(CardPath(directory, kind), JsonSerializer.Serialize(card, new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    private static string Name(ClassifierKind kind) => kind.WireName();

    private sealed class EnginePolicy(MLContext ml, ITransformer model) : PooledObjectPolicy<PredictionEngine<ClassifierInput, ScoredText>>
    {
        public override PredictionEngine<ClassifierInput, ScoredText> Create() =>
            ml.Model.CreatePredictionEngine<ClassifierInput, ScoredText>(model);

        public override bool Return(PredictionEngine<ClassifierInput, ScoredText> engine) => true;
    }
}
