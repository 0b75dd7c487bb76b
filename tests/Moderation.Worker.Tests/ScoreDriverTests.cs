using Comments.Moderation.Classification;
using Comments.Moderation.Reasons;
using Comments.Storage.Decisions;

namespace Moderation.Worker.Tests;

/// <summary>A model's hold names the words that drove its score, so the moderator sees why, not only how much.</summary>
public sealed class ScoreDriverTests
{
    private static readonly string Shipped = Path.Combine(AppContext.BaseDirectory, "Models");

    [Theory]
    [InlineData(ClassifierKind.Toxicity, "These councillors are a bunch of worthless bums, the lot of them.")]
    [InlineData(ClassifierKind.Spam, "Check out my channel and subscribe for free giveaways every day!")]
    public void The_drivers_are_words_of_the_text_whose_absence_lowers_the_score_most(ClassifierKind kind, string text)
    {
        var model = ClassifierModel.Load(Shipped, kind);

        var drivers = ScoreDrivers.Find(model, text);

        Assert.NotEmpty(drivers);
        Assert.All(drivers, word => Assert.Contains(word, text));
        var withoutFirst = text.Replace(drivers[0], " ", StringComparison.OrdinalIgnoreCase);
        Assert.True(model.Margin(text) - model.Margin(withoutFirst) >= ScoreDrivers.MinimumDrop, $"leaving out '{drivers[0]}' lowers the margin");
    }

    [Fact]
    public async Task A_toxicity_hold_carries_the_score_and_the_words_that_drove_it()
    {
        var result = await PipelineHarness.RunAsync("These councillors are a bunch of worthless bums, the lot of them.");

        var toxic = Assert.Single(result.Details.Reasons, r => r.Code == ReasonCodes.Toxic);
        Assert.Equal(DecisionOutcome.Held, result.Outcome);
        Assert.Matches(@"^0\.\d{3}; driven by: \w+", toxic.Detail);
    }
}
