using System.Text.Json;
using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;

namespace Comments.Moderation.Classification;

/// <summary>
/// A trained classifier loaded once. <see cref="Score"/> is thread-safe: ML.NET prediction engines are not, so
/// each call borrows one from a pool.
/// </summary>
public sealed class ClassifierModel
{
    private readonly ObjectPool<PredictionEngine<LabelledText, ScoredText>> _engines;

    public ClassifierModel(ITransformer model, ModelCard card)
    {
        Card = card;
        var ml = new MLContext(card.Seed);
        _engines = new DefaultObjectPool<PredictionEngine<LabelledText, ScoredText>>(new EnginePolicy(ml, model), Environment.ProcessorCount * 4);
    }

    public ModelCard Card { get; }

    public float Score(string text)
    {
        var engine = _engines.Get();
        try
        {
            return engine.Predict(new LabelledText { Text = text }).Probability;
        }
        finally
        {
            _engines.Return(engine);
        }
    }

    public static string ModelPath(string directory, ClassifierKind kind) => Path.Combine(directory, $"{Name(kind)}.zip");

    public static string CardPath(string directory, ClassifierKind kind) => Path.Combine(directory, $"{Name(kind)}.json");

    public static ClassifierModel Load(string directory, ClassifierKind kind)
    {
        var ml = new MLContext();
        var model = ml.Model.Load(ModelPath(directory, kind), out _);
        var card = JsonSerializer.Deserialize<ModelCard>(File.ReadAllText(CardPath(directory, kind)))
            ?? throw new InvalidDataException($"Empty model card for {kind}");
        return new ClassifierModel(model, card);
    }

    public static ClassifierModel FromBytes(byte[] zip, string cardJson)
    {
        using var stream = new MemoryStream(zip);
        var model = new MLContext().Model.Load(stream, out _);
        return new ClassifierModel(model, JsonSerializer.Deserialize<ModelCard>(cardJson) ?? throw new InvalidDataException("Empty model card"));
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

    private static string Name(ClassifierKind kind) => kind.ToString().ToLowerInvariant();

    private sealed class EnginePolicy(MLContext ml, ITransformer model) : PooledObjectPolicy<PredictionEngine<LabelledText, ScoredText>>
    {
        public override PredictionEngine<LabelledText, ScoredText> Create() =>
            ml.Model.CreatePredictionEngine<LabelledText, ScoredText>(model);

        public override bool Return(PredictionEngine<LabelledText, ScoredText> engine) => true;
    }
}
