using Comments.Moderation.Harms;
using Comments.Moderation.Reasons;
using Comments.Storage.Decisions;

namespace Moderation.Worker.Tests;

/// <summary>
/// Harm phrases: each kind is found in wordings other than those of the news evaluation set, and news comments that
/// use the same words harmlessly (idioms, grief, quoting abuse to condemn it, a reader's own workplace) are left alone.
/// </summary>
public sealed class HarmDetectorTests
{
    [Theory]
    [InlineData("We are going to find you, and your little blog won't save you.", HarmKind.Threat, "We are going to find you")]
    [InlineData("Better watch your back when you leave the stadium tonight.", HarmKind.Threat, "watch your back")]
    [InlineData("We know where you live, councillor.", HarmKind.Threat, "We know where you live")]
    [InlineData("Stick to the 14 words and the rest follows.", HarmKind.Dehumanizing, "14 words")]
    [InlineData("Another council run by (((them))), what a surprise.", HarmKind.Dehumanizing, "(((them)))")]
    [InlineData("This housing plan is the great replacement in action.", HarmKind.Dehumanizing, "great replacement")]
    [InlineData("Ask yourself who really controls the media in this country.", HarmKind.Dehumanizing, "who really controls the media")]
    [InlineData("Ill k1ll that reporter if he writes one more word.", HarmKind.Threat, "Ill k1ll")]
    [InlineData("I really hope that judge drowns in his own swimming pool.", HarmKind.WishingHarm, "hope that judge drowns")]
    [InlineData("That traitor deserves to suffer for what he did.", HarmKind.WishingHarm, "deserves to suffer")]
    [InlineData("Just kill yourself and spare us the opinions.", HarmKind.WishingHarm, "kill yourself")]
    [InlineData("Every last one of those bankers should be strung up.", HarmKind.Incitement, "should be strung up")]
    [InlineData("Somebody needs to shoot that dog of a mayor.", HarmKind.Incitement, "Somebody needs to shoot")]
    [InlineData("Lets all go to his office on Monday and smash the place up.", HarmKind.Incitement, "Lets all go to his office on Monday and smash")]
    [InlineData("Those squatters are vermin, nothing more.", HarmKind.Dehumanizing, "Those squatters are vermin")]
    [InlineData("They breed like rabbits and expect us to pay.", HarmKind.Dehumanizing, "breed like rabbits")]
    [InlineData("The editor lives above the bakery on Kings Road, in case anyone wants a chat.", HarmKind.PersonalInfo, "lives above the bakery on Kings Road")]
    [InlineData("His house is 27 Meadow Lane, the one with the red door.", HarmKind.PersonalInfo, "27 Meadow Lane")]
    [InlineData("Tell him yourself, he posts as @dave_the_rave_77.", HarmKind.PersonalInfo, "@dave_the_rave_77")]
    [InlineData("Her son goes to the grammar school, I've seen him.", HarmKind.PersonalInfo, "son goes to")]
    [InlineData("She deserves to get raped for writing this.", HarmKind.Sexual, "deserves to get raped")]
    [InlineData("Send nudes and I'll stop commenting.", HarmKind.Sexual, "Send nudes")]
    [InlineData("You are such a spineless little moron.", HarmKind.Insult, "You are such a spineless little moron")]
    [InlineData("Get a grip, you're too dumb to follow a recipe.", HarmKind.Insult, "too dumb to")]
    [InlineData("Everyone go and message her until she deletes the account.", HarmKind.Harassment, "Everyone go and message her")]
    [InlineData("Make his life hell, people.", HarmKind.Harassment, "Make his life hell")]
    public void Each_kind_of_harm_is_found_where_it_is(string text, HarmKind kind, string phrase)
    {
        var harm = Assert.Single(HarmDetector.Find(text), h => h.Kind == kind);
        Assert.Equal(phrase, harm.Text);
        Assert.Equal(phrase, text.Substring(harm.Start, harm.Length));
    }

    [Theory]
    [InlineData("Our striker killed it in the second half, what a performance.")]
    [InlineData("The new bypass is a killer on a Monday morning.")]
    [InlineData("My father was killed in the siege. I hope nobody else dies the way he did.")]
    [InlineData("I hope someone can help: my mother could die without her insulin.")]
    [InlineData("The minister called the protesters 'vermin' on air, and he should resign for it.")]
    [InlineData("I work at the pharmacy on Queen Street and we have masks in stock.")]
    [InlineData("My daughter works at the school on Elm Road and says the heating is broken.")]
    [InlineData("The talks at 10 Downing Street ended without a deal.")]
    [InlineData("Write to the council offices on Market Street if you want a say in the plan.")]
    [InlineData("It's coming home! What a night for the team.")]
    [InlineData("The executions were carried out at dawn, the report says, and the UN has condemned them.")]
    [InlineData("Send help to the villages in the valley, they have nothing left.")]
    [InlineData("You're right about the budget, and the figures back you up.")]
    [InlineData("The rapist was sentenced to twelve years on Friday.")]
    [InlineData("Don't let the trolls get to you, your reporting is excellent.")]
    [InlineData("The 14 wards of the city each elect three councillors.")]
    [InlineData("Who runs the bus service now that the council sold it?")]
    public void News_comments_that_use_the_same_words_harmlessly_are_left_alone(string text)
    {
        Assert.Empty(HarmDetector.Find(text));
    }

    [Fact]
    public async Task The_pipeline_holds_a_harm_under_its_own_code_with_the_phrase_and_the_reader_sentence()
    {
        var result = await PipelineHarness.RunAsync("The shop owner who called the police lives on Tanner Street, go and give him hell.");

        Assert.Equal(DecisionOutcome.Held, result.Outcome);
        Assert.Contains(ReasonCodes.PersonalInfo, result.ReasonCodes);
        Assert.Contains(ReasonCodes.Harassment, result.ReasonCodes);
        Assert.Contains(result.Details.Reasons, r => r.Code == ReasonCodes.PersonalInfo && r.Detail == "lives on Tanner Street");
        Assert.Equal("held for review: it may say where someone lives or works, or how to find them, which a moderator checks first",
            ReaderMessages.For(ReaderTextIn.English(), "held", ReasonCodes.PersonalInfo));
    }
}
