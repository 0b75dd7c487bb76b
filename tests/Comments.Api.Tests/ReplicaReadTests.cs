using System.Text.Json;
using Comments.Contracts;
using Comments.Storage;
using Comments.Storage.Decisions;
using Comments.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Comments.Api.Tests;

/// <summary>
/// Issue 23: public listings read the streaming replica (ConnectionStrings:CommentsRead). The replica's replay is
/// paused to make it lag on purpose; the tests share the one replica, so they run one at a time in this class.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class ReplicaReadTests
{
    [Fact]
    public async Task A_comment_approved_on_the_primary_appears_in_the_replica_served_listing_once_replayed()
    {
        await using var api = ReplicaApi();
        var articleId = TestData.NewArticleId();
        var anonymous = api.CreateClient();
        await ListedAsync(anonymous, TestData.NewArticleId(), limit: 9); // this instance's start fence, passed before the pause
        var id = Guid.Empty;
        await PausedAsync(async () =>
        {
            id = await SeedApprovedAsync(articleId); // on the primary, without an event: no fence for the article

            Assert.DoesNotContain(id, await ListedAsync(anonymous, articleId, limit: 10)); // the replica has not replayed it
            Assert.Contains(id, await ListedAsync(anonymous, articleId, limit: 11, fresh: true)); // no-cache reads the primary
        });
        await TestReplica.CatchUpAsync();

        Assert.Equal([id], await ListedAsync(anonymous, articleId, limit: 12)); // a new query: no entry cached, no fence
    }

    [Fact]
    public async Task The_decision_s_eviction_never_refills_the_cached_listing_from_a_replica_that_has_not_replayed_it()
    {
        await using var api = ReplicaApi();
        var articleId = TestData.NewArticleId();
        var anonymous = api.CreateClient();
        Assert.Empty(await ListedAsync(anonymous, articleId, limit: 10)); // cached for an hour
        await PausedAsync(async () =>
        {
            var id = await SeedApprovedAsync(articleId);
            Assert.Empty(await ListedAsync(anonymous, articleId, limit: 10)); // stored without an event: still the cached answer

            await api.Services.GetRequiredService<IBus>().Publish(new CommentsModerated { Items = [Approved(id, articleId)] });

            // Evicted by the event, and refilled from the primary: the paused replica would have cached the empty page again.
            await Eventually.Until(() => ListedAsync(anonymous, articleId, limit: 10), listed => listed.Contains(id),
                what: "the decided comment in the listing while the replica's replay is paused");
        });
    }

    [Fact]
    public async Task An_instance_started_while_the_replica_lags_reads_the_primary_until_the_replica_has_what_came_before()
    {
        var articleId = TestData.NewArticleId();
        await PausedAsync(async () =>
        {
            // Changed before this instance started: it never heard the event, so no article fence can cover it.
            var id = await SeedApprovedAsync(articleId);
            await using var api = ReplicaApi();
            Assert.Equal([id], await ListedAsync(api.CreateClient(), articleId, limit: 10));
        });
    }

    [Fact]
    public async Task A_replica_that_does_not_answer_is_left_out_and_listings_come_from_the_primary()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{StorageServiceCollectionExtensions.ReadConnectionStringName}"] = "Host=127.0.0.1;Port=1;Username=postgres;Database=comments;Timeout=1",
        });
        var articleId = TestData.NewArticleId();
        var id = await SeedApprovedAsync(articleId);

        Assert.Equal([id], await ListedAsync(api.CreateClient(), articleId, limit: 10));
        Assert.Equal([id], await ListedAsync(api.CreateClient(), articleId, limit: 11)); // and again, while it is left out
    }

    private static ApiFactory ReplicaApi() => new(new Dictionary<string, string?>
    {
        [$"ConnectionStrings:{StorageServiceCollectionExtensions.ReadConnectionStringName}"] = TestReplica.ConnectionString,
        ["ListingCache:Duration"] = "01:00:00",
    });

    private static async Task PausedAsync(Func<Task> whilePaused)
    {
        await TestReplica.CatchUpAsync();
        await TestReplica.PauseReplayAsync();
        try
        {
            await whilePaused();
        }
        finally
        {
            await TestReplica.ResumeReplayAsync();
        }
    }

    private static async Task<List<Guid>> ListedAsync(HttpClient client, string articleId, int limit, bool fresh = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/articles/{articleId}/comments?limit={limit}");
        if (fresh)
        {
            request.Headers.CacheControl = new() { NoCache = true };
        }
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. json.RootElement.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid())];
    }

    private static Task<Guid> SeedApprovedAsync(string articleId) =>
        TestData.SeedApprovedAsync(articleId, "Rhea Replica", "Approved on the primary, read from the replica.");

    private static ModeratedComment Approved(Guid id, string articleId) => new()
    {
        CommentId = id, ArticleId = articleId, Outcome = "approved", ReasonCodes = [], Actor = Decision.SystemActor, DecidedAt = DateTimeOffset.UtcNow,
    };
}
