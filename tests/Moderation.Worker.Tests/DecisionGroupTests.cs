using Comments.Contracts;
using Comments.Storage;
using Comments.Storage.Comments;
using Comments.Testing;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moderation.Worker.Comments;

namespace Moderation.Worker.Tests;

/// <summary>New comments decided in groups: one transaction for many, and a message that fails does so alone.</summary>
[Collection(AloneCollection.Name)]
public sealed class DecisionGroupTests : IAsyncLifetime
{
    private ConsumerHarness _consumers = null!;

    private ServiceProvider Services => _consumers.Services;
    private ITestHarness Harness => _consumers.Harness;

    public async Task InitializeAsync() => _consumers = await ConsumerHarness.StartAsync(services => services.Configure<ConsumerOptions>(options =>
        (options.RetryLimit, options.RetryMaxInterval, options.DecisionGroupLoops) = (1, TimeSpan.FromMilliseconds(200), 1)));

    public async Task DisposeAsync() => await _consumers.DisposeAsync();

    private static string NewArticleId() => $"article-{Guid.NewGuid():N}";

    private async Task<IReadOnlyDictionary<Guid, StoredDecision>> DecideTogetherAsync(IEnumerable<CommentSubmitted> messages)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CommentGroup>()
            .DecideAsync([.. messages.Select(m => new GroupMember(m, default))], CancellationToken.None);
    }

    [Fact]
    public async Task A_group_decides_every_comment_and_counts_only_the_published_ones_on_articles_and_parents()
    {
        var (article, other) = (NewArticleId(), NewArticleId());
        var parent = SubmittedComments.New(article, "The opening comment of a thread.");
        Assert.Single(await DecideTogetherAsync([parent]));
        var replies = Enumerable.Range(0, 3).Select(i => SubmittedComments.New(article, $"Reply number {i} to the opening comment.", parent.CommentId)).ToList();
        var topLevel = Enumerable.Range(0, 8).Select(i => SubmittedComments.New(article, $"Top-level comment number {i} on the budget.")).ToList();
        var held = SubmittedComments.New(other, "Cheap watches at http://cheap-watches.example.com today");

        var decided = await DecideTogetherAsync([.. replies, .. topLevel, held]);

        Assert.Equal(12, decided.Count);
        Assert.Equal("held", decided[held.CommentId].Decision.Outcome.ToString().ToLowerInvariant());
        await using var db = TestServices.CreateDbContext();
        Assert.Equal(12, await db.ArticleStats.Where(s => s.ArticleId == article).Select(s => s.PublishedCount).SingleAsync());
        Assert.False(await db.ArticleStats.AnyAsync(s => s.ArticleId == other && s.PublishedCount > 0));
        Assert.Equal(3, await db.Comments.Where(c => c.Id == parent.CommentId).Select(c => c.ReplyCount).SingleAsync());
        var ids = decided.Keys.ToList();
        Assert.Equal(12, await db.Decisions.CountAsync(d => ids.Contains(d.CommentId)));
        Assert.Equal(11, await db.Comments.CountAsync(c => ids.Contains(c.Id) && c.Status == CommentStatus.Approved));
    }

    [Fact]
    public async Task A_comment_already_decided_is_left_out_of_the_group_for_its_consumer()
    {
        var article = NewArticleId();
        var first = SubmittedComments.New(article);
        await DecideTogetherAsync([first]);
        var second = SubmittedComments.New(article);

        var decided = await DecideTogetherAsync([first, second]);

        Assert.Equal([second.CommentId], decided.Keys);
        await using var db = TestServices.CreateDbContext();
        Assert.Equal(1, await db.Decisions.CountAsync(d => d.CommentId == first.CommentId));
        Assert.Equal(2, await db.ArticleStats.Where(s => s.ArticleId == article).Select(s => s.PublishedCount).SingleAsync());
    }

    [Fact]
    public async Task A_group_with_a_message_that_cannot_be_stored_stores_nothing()
    {
        var good = SubmittedComments.New(NewArticleId());
        var poison = SubmittedComments.New(new string('a', CommentConfiguration.ArticleIdMaxLength + 1));

        await Assert.ThrowsAnyAsync<Exception>(() => DecideTogetherAsync([good, poison]));

        await using var db = TestServices.CreateDbContext();
        Assert.False(await db.Comments.AnyAsync(c => c.Id == good.CommentId || c.Id == poison.CommentId));
    }

    [Fact]
    public async Task Through_the_consumers_a_poison_message_fails_alone_and_every_other_comment_is_decided_once()
    {
        var article = NewArticleId();
        var good = Enumerable.Range(0, 30).Select(i => SubmittedComments.New(article, $"Comment number {i} on the council budget.")).ToList();
        var poison = SubmittedComments.New(new string('a', CommentConfiguration.ArticleIdMaxLength + 1));

        await Task.WhenAll([.. good.Select(m => Harness.Bus.Publish(m)), Harness.Bus.Publish(poison)]);

        var ids = good.Select(m => m.CommentId).ToHashSet();
        await Eventually.Until(async () => (await Harness.Published.PublishedMessagesNowAsync<CommentsModerated>(_ => true)).SelectMany(e => e.Items).Count(i => ids.Contains(i.CommentId)),
            count => count == ids.Count, what: "a decision published for every good comment");
        var consumer = Harness.GetConsumerHarness<CommentSubmittedConsumer>();
        await Eventually.Until(() => consumer.Consumed.ConsumedNowAsync<CommentSubmitted>(m => m.Context.Message.CommentId == poison.CommentId && m.Exception is not null),
            count => count > 0, what: "the poison message failing");
        Assert.Equal(0, await consumer.Consumed.ConsumedNowAsync<CommentSubmitted>(m => m.Context.Message.CommentId != poison.CommentId && m.Exception is not null));
        await using var db = TestServices.CreateDbContext();
        Assert.Equal(30, await db.Decisions.CountAsync(d => ids.Contains(d.CommentId)));
        Assert.Equal(30, await db.ArticleStats.Where(s => s.ArticleId == article).Select(s => s.PublishedCount).SingleAsync());
        Assert.False(await db.Comments.AnyAsync(c => c.Id == poison.CommentId));
    }

    [Fact]
    public async Task A_group_of_comments_publishes_one_event_carrying_each_decision_and_each_consumer_waits_for_its_confirm()
    {
        var article = NewArticleId();
        var first = SubmittedComments.New(article, "Decided first, while the others gather behind it.");
        var gathered = Enumerable.Range(0, 6).Select(i => SubmittedComments.New(article, $"Gathered comment number {i} on the bus timetable.")).ToList();
        var groups = Services.GetRequiredService<DecisionGroups>();
        List<Task<GroupDecision?>> waiting;
        await using (var db = TestServices.CreateDbContext())
        {
            await db.InsertPendingIfAbsentAsync(first.ToPendingComment(), CancellationToken.None);
            await using var hold = await db.Database.BeginTransactionAsync();
            await db.Comments.LockAsync(first.CommentId, CancellationToken.None);
            var decidingFirst = groups.DecideAsync(first, CancellationToken.None);
            // The one loop (DecisionGroupLoops = 1) waits for this row, so the others gather into its next group.
            await Eventually.Until(() => db.Database.SqlQuery<int>($"select count(*)::int as \"Value\" from pg_stat_activity where pg_backend_pid() = any(pg_blocking_pids(pid))").SingleAsync(),
                blocked => blocked > 0, what: "the first group waiting for the locked row");
            waiting = [.. gathered.Select(m => groups.DecideAsync(m, CancellationToken.None))];
            await hold.CommitAsync();
            Assert.NotNull(await decidingFirst);
        }

        var decided = await Task.WhenAll(waiting);

        var ids = gathered.Select(m => m.CommentId).ToHashSet();
        Assert.All(decided, d => Assert.NotNull(d));
        var published = Assert.Single(decided.Select(d => d!.Published).Distinct()); // one publish for the group
        await published;
        var events = await Harness.Published.PublishedMessagesNowAsync<CommentsModerated>(e => e.Items.Any(i => ids.Contains(i.CommentId)));
        var single = Assert.Single(events);
        Assert.Equal(ids, single.Items.Select(i => i.CommentId).ToHashSet());
        Assert.Equal(gathered.Count, single.Items.Count);
        Assert.All(single.Items, i => Assert.Equal((article, "approved"), (i.ArticleId, i.Outcome)));
    }
}
