using Comments.Storage.Decisions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moderation.Worker.Pipeline;
using Moderation.Worker.Pipeline.Phases;

namespace Moderation.Worker.Tests;

/// <summary>Fast unit tests of the pipeline, with no services.</summary>
public sealed class ModerationPipelineTests
{
    private static ModerationPipeline CreatePipeline(int maxBodyLength = 5_000)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Moderation:MaxBodyLength"] = maxBodyLength.ToString() })
            .Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddModerationPipeline();
        return services.BuildServiceProvider().GetRequiredService<ModerationPipeline>();
    }

    private static ModerationSubject Subject(string body) => new("article-1", "reader-1", body);

    [Fact]
    public void Ordinary_comment_is_approved_without_reasons()
    {
        var result = CreatePipeline().Moderate(Subject("The council should publish the full report."));

        Assert.Equal(DecisionOutcome.Approved, result.Outcome);
        Assert.Empty(result.ReasonCodes);
    }

    [Theory]
    [InlineData("   ", LengthPhase.TooShort)]
    [InlineData("bad\0text", LengthPhase.InvalidText)]
    [InlineData("this is longer than twenty characters", LengthPhase.TooLong)]
    public void Comment_failing_basic_checks_is_rejected_with_its_reason(string body, string reason)
    {
        var result = CreatePipeline(maxBodyLength: 20).Moderate(Subject(body));

        Assert.Equal(DecisionOutcome.Rejected, result.Outcome);
        Assert.Equal([reason], result.ReasonCodes);
    }

    [Fact]
    public void Length_bound_counts_the_trimmed_text()
    {
        var result = CreatePipeline(maxBodyLength: 5).Moderate(Subject("   hello   "));

        Assert.Equal(DecisionOutcome.Approved, result.Outcome);
    }
}
