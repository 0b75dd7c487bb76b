using Comments.Contracts;
using Comments.Moderation.Reasons;
using Comments.Storage;
using Comments.Storage.Articles;
using Comments.Storage.Comments;
using Comments.Storage.Decisions;
using Comments.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moderation.Worker.Comments;

namespace Moderation.Worker.Tests;

/// <summary>A group decides comments the API stored pending and comments it stores itself alike, each article by its own settings.</summary>
public sealed class GroupMembersTests : IAsyncLifetime
{
    private ConsumerHarness _consumers = null!;

    public async Task InitializeAsync() => _consumers = await ConsumerHarness.StartAsync();

    public async Task DisposeAsync() => await _consumers.DisposeAsync();

    private async Task<IReadOnlyDictionary<Guid, StoredDecision>> DecideTogetherAsync(params CommentSubmitted[] messages)
    {
        await using var scope = _consumers.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CommentGroup>()
            .DecideAsync([.. messages.Select(m => new GroupMember(m, default))], CancellationToken.None);
    }

    [Fact]
    public async Task A_comment_without_a_row_and_one_the_api_stored_pending_are_both_decided_once()
    {
        var article = $"article-{Guid.NewGuid():N}";
        var (absent, stored) = (SubmittedComments.New(article, "A point about the bus timetable."), SubmittedComments.New(article, "A point about the library hours."));
        await using (var api = TestServices.CreateDbContext())
        {
            await api.InsertPendingIfAbsentAsync(stored.ToPendingComment(), CancellationToken.None);
        }

        var decided = await DecideTogetherAsync(absent, stored);

        Assert.Equal(2, decided.Count);
        await using var db = TestServices.CreateDbContext();
        var ids = new[] { absent.CommentId, stored.CommentId };
        Assert.Equal(2, await db.Comments.CountAsync(c => ids.Contains(c.Id) && c.Status == CommentStatus.Approved && c.Body != ""));
        Assert.Equal(2, await db.Decisions.CountAsync(d => ids.Contains(d.CommentId)));
        Assert.Equal(2, await db.ArticleStats.Where(s => s.ArticleId == article).Select(s => s.PublishedCount).SingleAsync());
        Assert.Empty(await DecideTogetherAsync(absent, stored)); // a redelivery finds both decided
    }

    [Fact]
    public async Task The_same_text_twice_from_one_author_in_one_group_is_held_as_a_repeat()
    {
        var first = SubmittedComments.New(body: "Everyone should read my blog about the election results.");
        var second = first with { CommentId = Guid.CreateVersion7(), SubmittedAt = first.SubmittedAt.AddMilliseconds(1) };

        var decided = await DecideTogetherAsync(first, second);

        Assert.All(decided.Values, d => Assert.Contains(ReasonCodes.RepeatPost, d.Decision.ReasonCodes));
        Assert.Equal(2, decided.Count);
    }

    [Fact]
    public async Task A_reply_to_a_parent_in_the_same_group_counts_on_the_parent()
    {
        var parent = SubmittedComments.New(body: "The opening comment on the new cycle lanes.");
        var reply = SubmittedComments.New(parent.ArticleId, "And a second thought on the cycle lanes.", parent.CommentId) with { AuthorId = parent.AuthorId };

        var decided = await DecideTogetherAsync(parent, reply);

        Assert.Equal(2, decided.Count);
        await using var db = TestServices.CreateDbContext();
        Assert.Equal(1, await db.Comments.Where(c => c.Id == parent.CommentId).Select(c => c.ReplyCount).SingleAsync());
        Assert.Equal(2, await db.ArticleStats.Where(s => s.ArticleId == parent.ArticleId).Select(s => s.PublishedCount).SingleAsync());
    }

    [Fact]
    public async Task Each_article_of_a_group_is_decided_by_its_own_settings_read_in_one_go()
    {
        var (premoderated, open) = (SubmittedComments.New(body: "A view on the harbour plans."), SubmittedComments.New(body: "Another view on the harbour plans."));
        await using (var db = TestServices.CreateDbContext())
        {
            db.ArticleSettings.Add(new ArticleSettings { SiteId = premoderated.SiteId, ArticleId = premoderated.ArticleId, PreModeration = true, UpdatedBy = "test" });
            await db.SaveChangesAsync();
        }

        var decided = await DecideTogetherAsync(premoderated, open);

        Assert.Equal(DecisionOutcome.Held, decided[premoderated.CommentId].Decision.Outcome);
        Assert.Equal(DecisionOutcome.Approved, decided[open.CommentId].Decision.Outcome);
    }
}
