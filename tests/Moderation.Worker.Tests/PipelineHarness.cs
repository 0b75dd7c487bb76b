using Comments.Moderation.Examples;
using Comments.Moderation.Analysis;
using Comments.Moderation.Settings;
using Comments.Moderation.Words;
using Comments.Storage.Users;
using Microsoft.Extensions.DependencyInjection;
using Moderation.Worker.Pipeline;

namespace Moderation.Worker.Tests;

/// <summary>The real pipeline, phases, word lists and models, with the author's history given by the test.</summary>
public static class PipelineHarness
{
    private static readonly Lazy<ServiceProvider> Services = new(() =>
        new ServiceCollection().AddSingleton(TimeProvider.System).AddModerationPipeline().BuildServiceProvider());

    public static ContentAnalyzer Analyzer => Services.Value.GetRequiredService<ContentAnalyzer>();

    public static ModerationPipeline Pipeline => Services.Value.GetRequiredService<ModerationPipeline>();

    public static WordMatcher DefaultWords { get; } = new(
        Enum.GetValues<WordListKind>().SelectMany(kind => DefaultWordLists.For(kind).Select(term => (term, kind))));

    public static Task<ModerationResult> RunAsync(
        string body,
        ModerationSettings? settings = null,
        string[]? roles = null,
        UserStanding? standing = null,
        FakeHistory? history = null,
        ArticleModerationSettings? article = null)
    {
        var subject = new ModerationSubject(Guid.NewGuid(), "default", "reader-1", roles ?? ["reader"], body, DateTimeOffset.UtcNow, standing);
        var site = new SiteModeration("default", settings ?? new ModerationSettings(), 0, DefaultWords, "0,0", ExampleBank.Empty);
        return Pipeline.ModerateAsync(new ModerationContext(subject, site, Analyzer, history ?? new FakeHistory()) { Article = article ?? new() }, CancellationToken.None);
    }
}

/// <summary>An in-memory author history for fast unit tests (the real one is exercised through PostgreSQL).</summary>
public sealed record FakeHistory(int Approved = 10, int Earlier = 10, bool SameText = false, int Decided = 0, int Rejected = 0) : IAuthorHistory
{
    public Task<AuthorRecord> ReadAsync(HistoryWindows windows, CancellationToken cancellationToken) =>
        Task.FromResult(new AuthorRecord(Approved, Earlier, SameText, Decided, Rejected));
}
