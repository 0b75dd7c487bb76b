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

        Assert.Equal(ReaderMessages.Table.Count, ReaderMessages.Table.Select(r => r.Code).Distinct().Count());
        Assert.All(codes, code =>
        {
            var entry = Assert.Single(ReaderMessages.Table, r => r.Code == code);
            Assert.False(string.IsNullOrWhiteSpace(entry.System), $"{code} has a sentence for the pipeline's decision");
            Assert.False(string.IsNullOrWhiteSpace(entry.Moderator), $"{code} has a sentence for a moderator's decision");
            Assert.NotEqual(entry.System, entry.Moderator);
        });
    }

    [Fact]
    public void A_comment_held_by_the_spam_classifier_is_not_said_to_be_a_moderators_finding()
    {
        var system = new Decision { CommentId = Guid.NewGuid(), Revision = 1, Outcome = DecisionOutcome.Held, Actor = Decision.SystemActor };
        var moderator = new Decision { CommentId = Guid.NewGuid(), Revision = 1, Outcome = DecisionOutcome.Rejected, Actor = "mod-1" };

        Assert.Equal("held for review: it looks like advertising or spam", ReaderMessages.For("held", system, ReasonCodes.Spam));
        Assert.Equal("rejected: a moderator found it to be spam", ReaderMessages.For("rejected", moderator, ReasonCodes.Spam));
        Assert.DoesNotContain("moderator found", ReaderMessages.Explain(ReasonCodes.Spam));
    }
}
