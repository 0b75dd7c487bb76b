using Comments.Contracts;
using Comments.Moderation.Reasons;
using Comments.Storage.Comments;
using Comments.Storage.Decisions;
using Comments.Testing;
using Microsoft.Extensions.DependencyInjection;
using Moderation.Worker.Pipeline;

namespace Moderation.Worker.Tests;

/// <summary>
/// The posting limit counts an author's stored rows by submission time, so it gives the same answer whichever comment a
/// worker decides first: the API stores each pending row before its 202, whichever instance took the post.
/// </summary>
public sealed class PostingLimitTests : IAsyncLifetime
{
    private ConsumerHarness _consumers = null!;

    public async Task InitializeAsync() => _consumers = await ConsumerHarness.StartAsync(services =>
        services.Configure<PostingLimitOptions>(limit => (limit.PostsPerWindow, limit.WindowSeconds) = (2, 60)));

    public async Task DisposeAsync() => await _consumers.DisposeAsync();

    [Fact]
    public async Task The_post_beyond_the_limit_is_rejected_even_when_decided_first_and_the_window_moves_on()
    {
        var first = SubmittedComments.New(body: "First thought on the ferry timetable.") with { SubmittedAt = DateTimeOffset.UtcNow.AddMinutes(-2) };
        CommentSubmitted Later(string body, TimeSpan after) =>
            first with { CommentId = Guid.CreateVersion7(), Body = body, SubmittedAt = first.SubmittedAt + after };
        var second = Later("Second thought on the ferry timetable.", TimeSpan.FromMilliseconds(1));
        var third = Later("Third thought on the ferry timetable.", TimeSpan.FromMilliseconds(2));
        var afterWindow = Later("A thought a minute later on the ferry timetable.", TimeSpan.FromSeconds(61));
        await using (var api = TestServices.CreateDbContext())
        {
            foreach (var message in new[] { first, second, third, afterWindow })
            {
                await api.InsertPendingIfAbsentAsync(message.ToPendingComment(), CancellationToken.None);
            }
        }

        var thirdAlone = await _consumers.DecideTogetherAsync(third);
        var rest = await _consumers.DecideTogetherAsync(afterWindow, first, second);

        Assert.Equal(DecisionOutcome.Rejected, thirdAlone[third.CommentId].Decision.Outcome);
        Assert.Equal([ReasonCodes.PostingLimit], thirdAlone[third.CommentId].Decision.ReasonCodes);
        Assert.All(rest.Values, d => Assert.Equal(DecisionOutcome.Approved, d.Decision.Outcome));
        Assert.Equal(3, rest.Count);
    }
}
