using BenchmarkDotNet.Attributes;
using Comments.Moderation.Analysis;
using Comments.Moderation.Classification;
using Comments.Moderation.Encoding;
using Comments.Moderation.Examples;
using Comments.Moderation.Settings;
using Comments.Moderation.Words;
using Microsoft.Extensions.DependencyInjection;
using Moderation.Worker;
using Moderation.Worker.Pipeline;

namespace Moderation.Benchmarks;

/// <summary>
/// Cost per comment of the classifiers, the word lists and the whole pipeline without I/O (the author's history is
/// answered from memory), on one thread, over a mix of news comments from data/news-eval.csv, with the starter example bank.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private string[] _comments = [];
    private ClassifierModel _toxicity = null!;
    private ClassifierModel _spam = null!;
    private WordMatcher _words = null!;
    private ModerationPipeline _pipeline = null!;
    private ContentAnalyzer _analyzer = null!;
    private SiteModeration _site = null!;
    private ExampleBank _examples = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var models = Path.Combine(AppContext.BaseDirectory, "Models");
        _toxicity = ClassifierModel.Load(models, ClassifierKind.Toxicity);
        _spam = ClassifierModel.Load(models, ClassifierKind.Spam);
        _words = new WordMatcher(Enum.GetValues<WordListKind>().SelectMany(kind => DefaultWordLists.For(kind).Select(term => (term, kind))));
        var services = new ServiceCollection().AddSingleton(TimeProvider.System).AddModerationPipeline().BuildServiceProvider();
        _pipeline = services.GetRequiredService<ModerationPipeline>();
        _analyzer = services.GetRequiredService<ContentAnalyzer>();
        _examples = ExampleBank.Starter();
        _site = new SiteModeration("default", new ModerationSettings(), 0, _words, "0,0", _examples);
        _comments = [.. NewsComments.Load()];
    }

    private string Next() => _comments[_next++ % _comments.Length];

    [Benchmark]
    public float ToxicityScore() => _toxicity.Score(Next());

    [Benchmark]
    public float SpamScore() => _spam.Score(Next());

    [Benchmark]
    public float[] StaticEmbedding() => StaticEncoder.Shipped.Embed(Next());

    [Benchmark]
    public ExampleMatch? NearestExample() => _examples.Nearest(StaticEncoder.Shipped.Embed(Next()));

    [Benchmark]
    public int WordLists() => _words.FindMatches(Next()).Count;

    [Benchmark]
    public ContentFindings TextAnalysis() => _analyzer.Analyze(Next(), _words, _examples);

    [Benchmark]
    public Task<ModerationResult> WholePipeline()
    {
        var subject = new ModerationSubject(Guid.NewGuid(), "default", "reader-1", ["reader"], Next(), DateTimeOffset.UtcNow, null);
        return _pipeline.ModerateAsync(new ModerationContext(subject, _site, _analyzer, InMemoryHistory.Instance), CancellationToken.None);
    }
}
