using System.Reflection;
using Comments.Moderation.Reasons;
using Comments.Storage.Decisions;

namespace Moderation.Worker.Tests;

/// <summary>Issue 17, part 6: what readers are told is true, for every reason code.</summary>
public sealed class ReaderMessagesTests
{
    private static IEnumerable<string> PipelineCodes() =>
        typeof(ReasonCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);

    [Fact]
    public void Every_code_the_pipeline_or_a_moderator_gives_has_a_system_and_a_moderator_sentence_and_no_code_is_listed_twice()
    {
        var codes = PipelineCodes().Concat(ReaderMessages.ModeratorCodes).Distinct().ToList();
        var text = ReaderTextIn.English();

        Assert.Equal(ReaderMessages.Codes.Count, ReaderMessages.Codes.Distinct().Count());
        Assert.All(codes, code =>
        {
            Assert.Contains(code, ReaderMessages.Codes);
            var system = text[ReaderMessages.SystemKey(code)];
            var moderator = text[ReaderMessages.ModeratorKey(code)];
            Assert.False(system.ResourceNotFound, $"{code} has a sentence for the pipeline's decision");
            Assert.False(moderator.ResourceNotFound, $"{code} has a sentence for a moderator's decision");
            Assert.NotEqual(system.Value, moderator.Value);
        });
    }

    [Fact]
    public void A_comment_held_by_the_spam_classifier_is_not_said_to_be_a_moderators_finding()
    {
        var system = new Decision { CommentId = Guid.NewGuid(), Revision = 1, Outcome = DecisionOutcome.Held, Actor = Decision.SystemActor };
        var moderator = new Decision { CommentId = Guid.NewGuid(), Revision = 1, Outcome = DecisionOutcome.Rejected, Actor = "mod-1" };

        var text = ReaderTextIn.English();

        Assert.Equal("held for review: it looks like advertising or spam", ReaderMessages.For(text, "held", system, ReasonCodes.Spam));
        Assert.Equal("rejected: a moderator found it to be spam", ReaderMessages.For(text, "rejected", moderator, ReasonCodes.Spam));
        Assert.DoesNotContain("moderator found", ReaderMessages.Explain(text, ReasonCodes.Spam));
    }
}
