using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Classifier.Tool;
using Comments.Moderation.Classification;
using Comments.Testing;

namespace Moderation.Worker.Tests;

/// <summary>The classifier command: evaluate on a CSV the test writes, score standard input, train reproducibly.</summary>
public sealed class ClassifierCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("classifier-test").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<(int Exit, string Output, string Error)> RunAsync(string stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await ClassifierCommands.RunAsync(args, new StringReader(stdin), output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Evaluate_prints_roc_auc_and_precision_recall_f1_at_the_operating_threshold()
    {
        var csv = Path.Combine(_folder, "small.csv");
        await File.WriteAllLinesAsync(csv,
        [
            "id,label,text,extra",
            "1,1,\"Shut up you stupid bitch, nobody cares\",x",
            "2,1,\"You are a worthless idiot, go die\",x",
            "3,1,\"fuck off you pathetic loser\",x",
            "4,0,\"The council meets on Tuesday to discuss the budget\",x",
            "5,0,\"Thanks for the careful reporting on the floods\",x",
            "6,0,\"The ceasefire talks resume next week, officials said\",x",
        ]);

        var (exit, output, _) = await RunAsync("", "evaluate", "--model", "toxicity", "--data", csv);

        Assert.Equal(0, exit);
        Assert.Matches("rows=6 positives=3 roc_auc=", output);
        var auc = double.Parse(Regex.Match(output, @"roc_auc=([0-9.]+)").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.Equal(1.0, auc);
        Assert.Matches(@"threshold=0\.\d+ precision=[0-9.]+ recall=[0-9.]+ f1=[0-9.]+", output);
    }

    [Fact]
    public async Task Evaluate_refuses_a_csv_without_the_columns()
    {
        var csv = Path.Combine(_folder, "bad.csv");
        await File.WriteAllLinesAsync(csv, ["comment,score", "\"hi\",1"]);

        var (exit, _, error) = await RunAsync("", "evaluate", "--model", "spam", "--data", csv);

        Assert.Equal(2, exit);
        Assert.Contains("'text' and 'label'", error);
    }

    [Fact]
    public async Task Score_prints_one_score_per_input_line()
    {
        var (exit, output, _) = await RunAsync("Subscribe to my channel for free money www.cash.biz\nThe minister resigned today\n", "score", "--model", "spam");

        var scores = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(0, exit);
        Assert.Equal(2, scores.Count);
        Assert.True(scores[0] > scores[1]);
    }

    [Fact]
    public async Task Training_twice_gives_the_same_metrics()
    {
        var data = Path.Combine(TestServices.RepositoryRoot, "data");

        await RunAsync("", "train", "--model", "spam", "--data-dir", data, "--out", Path.Combine(_folder, "a"));
        await RunAsync("", "train", "--model", "spam", "--data-dir", data, "--out", Path.Combine(_folder, "b"));

        var first = JsonSerializer.Deserialize<ModelCard>(await File.ReadAllTextAsync(Path.Combine(_folder, "a", "spam.json")))!;
        var second = JsonSerializer.Deserialize<ModelCard>(await File.ReadAllTextAsync(Path.Combine(_folder, "b", "spam.json")))!;
        Assert.Equal(first.Test, second.Test);
        Assert.Equal(first.Threshold, second.Threshold);
        Assert.True(first.Test.RocAuc >= 0.98, $"spam ROC-AUC {first.Test.RocAuc}");
    }

    [Fact]
    public async Task Shipped_models_meet_their_targets_on_the_held_out_split()
    {
        var models = Path.Combine(AppContext.BaseDirectory, "Models");
        var toxicity = ClassifierModel.Load(models, ClassifierKind.Toxicity).Card;
        var spam = ClassifierModel.Load(models, ClassifierKind.Spam).Card;

        Assert.True(toxicity.Test.RocAuc >= 0.97, $"toxicity ROC-AUC {toxicity.Test.RocAuc}");
        Assert.True(spam.Test.RocAuc >= 0.98, $"spam ROC-AUC {spam.Test.RocAuc}");
        await Task.CompletedTask;
    }

    [Fact]
    public async Task News_evaluation_stays_within_its_targets()
    {
        var (exit, output, _) = await RunAsync("", "news-eval", "--data", Path.Combine(TestServices.RepositoryRoot, "data", "news-eval.csv"));

        Assert.Equal(0, exit);
        Assert.True(Percent(output, "clean") <= 5.0, output);
        Assert.True(Percent(output, "toxic") <= 10.0, output);
        Assert.True(Percent(output, "spam") <= 10.0, output);
    }

    private static double Percent(string output, string category) =>
        double.Parse(Regex.Match(output, $@"^{category}: \d+ of \d+ [a-z ]+\(([0-9.]+)%\)", RegexOptions.Multiline).Groups[1].Value, CultureInfo.InvariantCulture);
}
