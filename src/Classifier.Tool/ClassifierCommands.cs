using Comments.Moderation.Analysis;
using Comments.Moderation.Classification;
using Comments.Moderation.Harms;
using Microsoft.ML;

namespace Classifier.Tool;

/// <summary>
/// scripts/classifier.sh train | evaluate --model toxicity|spam --data FILE.csv [--threshold T] | score --model M
/// </summary>
public static class ClassifierCommands
{
    public const string Usage = """
        usage:
          classifier.sh train [--model toxicity|spam|all] [--data-dir DIR] [--out DIR] [--decisions FILE.csv]   (labelled rows weighed as moderators' decisions)
          classifier.sh evaluate --model toxicity|spam --data FILE.csv [--threshold T] [--models DIR] [--model-only]
          classifier.sh score --model toxicity|spam [--models DIR]   (one text per line on stdin, one score per line out)
          classifier.sh news-eval [--data data/news-eval.csv]   (the text phases with default settings on labelled news comments;
                                                                data/news-eval-stories.csv breaks them down by story and kind)
          classifier.sh distill [--out DIR]   (static token embeddings from all-MiniLM-L6-v2 into Models/encoder.bin)
          classifier.sh retrain --model toxicity|spam [--data-dir DIR]   (adds moderator decisions from ConnectionStrings__Comments; promotes only if not worse)
        """;

    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        var options = CommandLine.Parse(args);
        try
        {
            return options.Command switch
            {
                "train" => Train(options, output),
                "evaluate" => Evaluate(options, output),
                "score" => await ScoreAsync(options, input, output),
                "retrain" => await Retraining.RunAsync(options.Kinds(allowAll: false).Single(),
                    Environment.GetEnvironmentVariable("ConnectionStrings__Comments") ?? throw new ArgumentException("set ConnectionStrings__Comments to the database"),
                    options.Get("data-dir", Path.Combine(RepositoryPaths.Root, "data")), output),
                "distill" => Distillation.Run(options.Get("out", RepositoryPaths.ModelsSource), output),
                "news-eval" => NewsEvaluation.Run(options.Get("data", Path.Combine(RepositoryPaths.Root, "data", "news-eval.csv")), output),
                _ => Fail(error, Usage),
            };
        }
        catch (Exception exception) when (exception is ArgumentException or IOException or InvalidDataException or InvalidOperationException or System.Data.Common.DbException)
        {
            return Fail(error, exception.Message + Environment.NewLine + Usage);
        }
    }

    private static int Train(CommandLine options, TextWriter output)
    {
        var dataDir = options.Get("data-dir", Path.Combine(RepositoryPaths.Root, "data"));
        var outDir = options.Get("out", RepositoryPaths.ModelsSource);
        foreach (var kind in options.Kinds(allowAll: true))
        {
            var csv = TrainingData.SeedCsv(kind, dataDir);
            var extra = TrainingData.Extras(kind, dataDir);
            var decisions = options.Has("decisions") ? LabelledCsv.Read(new MLContext(), options.Require("decisions")) : [];
            var (model, card, schema, _) = ClassifierTrainer.Train(kind, csv, extra, decisions: decisions);
            ClassifierModel.Save(outDir, kind, model, schema, card);
            output.WriteLine($"{card.Name}: trained on {card.TrainRows} rows ({card.TrainedFrom}); test split: {card.Test}");
            output.WriteLine($"  wrote {ClassifierModel.ModelPath(outDir, kind)}");
        }
        return 0;
    }

    private static int Evaluate(CommandLine options, TextWriter output)
    {
        var kind = options.Kinds(allowAll: false).Single();
        var model = ClassifierModel.Load(options.Get("models", RepositoryPaths.ShippedModels), kind);
        var rows = LabelledCsv.Read(new MLContext(), options.Require("data"), options.Get("label", "label"));
        var threshold = options.Has("threshold") ? double.Parse(options.Require("threshold"), System.Globalization.CultureInfo.InvariantCulture) : model.Card.Threshold;
        // Scored as the pipeline scores: toxicity as any abuse (the model and the harm phrases it may miss), spam with its
        // cues (SpamEvidence); --model-only scores the model alone.
        var modelOnly = options.Has("model-only");
        var report = EvaluationReport.Compute([.. rows.Select(r => (Evidence(kind, model.Score(r.Text), r.Text, modelOnly), r.Label))], threshold);
        output.WriteLine($"model={model.Card.Version}{(modelOnly ? "" : kind == ClassifierKind.Toxicity ? "+harm-phrases" : "+spam-cues")} {report}");
        return 0;
    }

    private static float Evidence(ClassifierKind kind, float score, string text, bool modelOnly) => (modelOnly, kind) switch
    {
        (true, _) => score,
        (_, ClassifierKind.Toxicity) => (float)HarmDetector.AbuseScore(score, HarmDetector.Find(text).Count > 0),
        _ => SpamEvidence.Score(score, SpamEvidence.HasCue(text)),
    };

    private static async Task<int> ScoreAsync(CommandLine options, TextReader input, TextWriter output)
    {
        var kind = options.Kinds(allowAll: false).Single();
        var model = ClassifierModel.Load(options.Get("models", RepositoryPaths.ShippedModels), kind);
        while (await input.ReadLineAsync() is { } line)
        {
            output.WriteLine(model.Score(line).ToString("F4", System.Globalization.CultureInfo.InvariantCulture));
        }
        return 0;
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine(message);
        return 2;
    }
}
