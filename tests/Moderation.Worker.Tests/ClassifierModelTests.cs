using Comments.Moderation.Classification;

namespace Moderation.Worker.Tests;

/// <summary>A classifier reads its card at once and loads the model itself only when it first scores.</summary>
public sealed class ClassifierModelTests
{
    private static readonly string Shipped = Path.Combine(AppContext.BaseDirectory, "Models");

    [Fact]
    public void The_model_is_loaded_by_the_first_score_and_scores_as_a_model_loaded_for_it()
    {
        var model = ClassifierModel.Load(Shipped, ClassifierKind.Toxicity);
        Assert.False(model.IsLoaded);
        Assert.False(string.IsNullOrEmpty(model.Card.Version));

        var score = model.Score("You are an idiot and everyone hates you");

        Assert.True(model.IsLoaded);
        Assert.InRange(score, 0f, 1f);
        Assert.Equal(score, ClassifierModel.Load(Shipped, ClassifierKind.Toxicity).Score("You are an idiot and everyone hates you"));
    }

    [Fact]
    public void A_missing_model_file_is_reported_when_loading_not_on_the_first_score()
    {
        var folder = Directory.CreateTempSubdirectory("no-model").FullName;
        try
        {
            File.Copy(ClassifierModel.CardPath(Shipped, ClassifierKind.Spam), ClassifierModel.CardPath(folder, ClassifierKind.Spam));
            Assert.Throws<FileNotFoundException>(() => ClassifierModel.Load(folder, ClassifierKind.Spam));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
