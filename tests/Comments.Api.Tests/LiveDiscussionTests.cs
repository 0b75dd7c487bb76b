using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comments.Storage.Decisions;
using Comments.Testing;
using Comments.Contracts;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Comments.Api.Tests;

/// <summary>Issue 20, live discussion: an article's event stream through the real broker and database.</summary>
[Collection(StackCollection.Name)]
public sealed class LiveDiscussionTests(CommentsStack stack, SiteFixture other) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task A_published_comment_and_its_reply_arrive_on_an_open_stream_as_the_listing_shows_them()
    {
        var articleId = TestData.NewArticleId();
        await using var stream = await OpenReadyAsync(stack.Api.CreateClient(), articleId);
        var author = stack.Api.CreateClientFor(TestData.NewUserId(), "Ada Reader");

        var id = await author.PostPublishedAsync(articleId, "The new timetable works for the early shift.");
        var comment = LiveStreamClient.DataOf(await stream.WaitForCommentAsync(id, "the published comment")).GetProperty("comment");
        var reply = await author.PostPublishedReplyAsync(articleId, id, "And the late shift too, I checked.");
        var replied = LiveStreamClient.DataOf(await stream.WaitForCommentAsync(reply, "the published reply"));

        Assert.Equal("The new timetable works for the early shift.", comment.GetProperty("body").GetString());
        Assert.Equal("Ada Reader", comment.GetProperty("authorName").GetString());
        Assert.Equal("approved", comment.GetProperty("status").GetString());
        Assert.Equal(id, replied.GetProperty("parentId").GetGuid());
        Assert.Equal(1, replied.GetProperty("parentReplyCount").GetInt32());
        Assert.Equal("And the late shift too, I checked.", replied.GetProperty("comment").GetProperty("body").GetString());
    }

    [Fact]
    public async Task Held_and_rejected_comments_never_reach_the_stream_and_a_rejected_published_one_goes_out_without_its_text()
    {
        var articleId = TestData.NewArticleId();
        await using var probe = await EventProbe.StartAsync<CommentsModerated, CommentDeleted, CommentFeatured, CommentReported>(stack.Api.Services.GetRequiredService<IBus>());
        await using var stream = await OpenReadyAsync(stack.Api.CreateClient(), articleId);
        var author = stack.Api.CreateClientFor(TestData.NewUserId());
        var moderator = stack.Api.CreateClientFor(TestData.NewUserId("moderator"), "Mo", "moderator");

        var held = await author.PostAcceptedCommentAsync(articleId, "The mayor talks utter bullshit about the flood money.");
        var rejected = await author.PostAcceptedCommentAsync(articleId, "Actually the report is fucking useless.");
        await probe.WaitForAsync<CommentsModerated>(e => e.Items.Any(i => i.CommentId == held && i.Outcome == "held"));
        await probe.WaitForAsync<CommentsModerated>(e => e.Items.Any(i => i.CommentId == rejected && i.Outcome == "rejected"));
        var published = await author.PostPublishedAsync(articleId, "Published after both, so the stream has heard them.");
        await stream.WaitForCommentAsync(published, "the comment decided after the held and the rejected one");
        await moderator.RejectAsync(published);
        var removed = await stream.WaitForAsync("removed", e => LiveStreamClient.CommentIdOf(e) == published, "the published comment's removal");

        Assert.DoesNotContain(held, stream.CommentIds);
        Assert.DoesNotContain(rejected, stream.CommentIds);
        Assert.DoesNotContain(stream.Received, e => e.Data.Contains("bullshit") || e.Data.Contains("useless"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, LiveStreamClient.DataOf(removed).GetProperty("comment").ValueKind);
        Assert.DoesNotContain("Published after both", removed.Data);
    }

    [Fact]
    public async Task Comments_on_another_article_or_on_another_site_s_article_with_the_same_key_never_reach_the_stream()
    {
        var articleId = TestData.NewArticleId();
        await using var stream = await OpenReadyAsync(stack.Api.CreateClient(), articleId);
        var here = stack.Api.CreateClientFor(TestData.NewUserId());

        var elsewhere = await here.PostPublishedAsync(TestData.NewArticleId(), "On another article of this site.");
        var otherSite = await other.Api.CreateClientFor(TestData.NewUserId()).PostPublishedAsync(articleId, "The same article key on another newspaper.");
        var ours = await here.PostPublishedAsync(articleId, "Ours, decided after both.");
        await stream.WaitForCommentAsync(ours, "this article's comment");

        Assert.Equal([ours], stream.CommentIds);
        Assert.DoesNotContain(elsewhere, stream.CommentIds);
        Assert.DoesNotContain(otherSite, stream.CommentIds);
    }

    [Fact]
    public async Task A_reconnect_with_Last_Event_ID_gets_exactly_the_events_it_missed_once()
    {
        var articleId = TestData.NewArticleId();
        var author = stack.Api.CreateClientFor(TestData.NewUserId());
        await using var watcher = await OpenReadyAsync(stack.Api.CreateClient(), articleId);
        var reader = await OpenReadyAsync(stack.Api.CreateClient(), articleId);
        var first = await author.PostPublishedAsync(articleId, "Seen live by both.");
        var lastSeen = (await reader.WaitForCommentAsync(first, "the first comment")).EventId!;
        await reader.DisposeAsync();

        var missed = new[]
        {
            await author.PostPublishedAsync(articleId, "Missed while away, one."),
            await author.PostPublishedAsync(articleId, "Missed while away, two."),
        };
        foreach (var id in missed)
        {
            await watcher.WaitForCommentAsync(id, "a comment published while the reader was away");
        }
        await using var back = await LiveStreamClient.OpenAsync(stack.Api.CreateClient(), articleId, lastSeen);
        var after = await author.PostPublishedAsync(articleId, "Published after the reconnect.");
        await back.WaitForCommentAsync(after, "the comment published after the reconnect");

        Assert.Equal(HttpStatusCode.OK, back.Status);
        Assert.Equal("ready", back.Received[0].EventType);
        Assert.Equal([.. missed, after], back.CommentIds);
        Assert.Equal(back.Received.Count, back.Received.Select(e => e.EventId).Distinct().Count());
    }

    [Theory]
    [InlineData("not-an-id")]
    [InlineData("0123456789ab.1")]
    public async Task A_Last_Event_ID_this_instance_cannot_resume_from_tells_the_reader_to_reload(string lastEventId)
    {
        await using var stream = await LiveStreamClient.OpenAsync(stack.Api.CreateClient(), TestData.NewArticleId(), lastEventId);

        var first = await stream.WaitForAsync("reset", _ => true, "the reset event");
        Assert.Equal("reset", stream.Received[0].EventType);
        Assert.NotEqual(lastEventId, first.EventId);
    }

    [Theory]
    [InlineData("a%20b")]
    [InlineData("%3Cscript%3E")]
    public async Task A_bad_article_key_is_refused(string articleId)
    {
        var response = await stack.Api.CreateClient().GetAsync($"/api/articles/{articleId}/events");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Streams_beyond_the_client_s_or_the_instance_s_cap_are_refused_with_429_and_503()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?> { ["Live:MaxStreams"] = "2", ["Live:MaxStreamsPerClient"] = "1" });
        var articleId = TestData.NewArticleId();
        await using var first = await OpenReadyAsync(api.CreateClient(), articleId);

        var secondFromTheSameAddress = await api.CreateClient().GetAsync($"/api/articles/{articleId}/events", HttpCompletionOption.ResponseHeadersRead);
        await ProblemAssert.IsProblemAsync(secondFromTheSameAddress, HttpStatusCode.TooManyRequests);
        Assert.NotNull(secondFromTheSameAddress.Headers.RetryAfter);

        await using var full = new ApiFactory(new Dictionary<string, string?> { ["Live:MaxStreams"] = "1" });
        await using var only = await OpenReadyAsync(full.CreateClient(), articleId);
        var beyond = await full.CreateClient().GetAsync($"/api/articles/{articleId}/events", HttpCompletionOption.ResponseHeadersRead);
        await ProblemAssert.IsProblemAsync(beyond, HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task Made_up_article_keys_cannot_pile_up_feeds_nor_can_one_address_open_streams_without_end()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?> { ["Live:MaxArticles"] = "1", ["RateLimits:LiveOpensPerWindow"] = "3" });
        var article = TestData.NewArticleId();
        await using (await OpenReadyAsync(api.CreateClient(), article))
        {
        }
        // The first article's feed stays for the resume window: another article is refused, the same one is not.
        var another = await api.CreateClient().GetAsync($"/api/articles/{TestData.NewArticleId()}/events", HttpCompletionOption.ResponseHeadersRead);
        await ProblemAssert.IsProblemAsync(another, HttpStatusCode.ServiceUnavailable);
        await using (await OpenReadyAsync(api.CreateClient(), article))
        {
        }

        var third = await api.CreateClient().GetAsync($"/api/articles/{article}/events", HttpCompletionOption.ResponseHeadersRead);
        await ProblemAssert.IsProblemAsync(third, HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task One_event_with_a_group_s_decisions_is_relayed_and_evicted_on_every_api_instance()
    {
        var cached = new Dictionary<string, string?> { ["ListingCache:Duration"] = "01:00:00" };
        await using var first = new ApiFactory(cached);
        await using var second = new ApiFactory(cached);
        var (a, b) = (TestData.NewArticleId(), TestData.NewArticleId());
        var instances = new[] { first, second };
        var streams = new List<(LiveStreamClient A, LiveStreamClient B)>();
        foreach (var api in instances)
        {
            streams.Add((await OpenReadyAsync(api.CreateClient(), a), await OpenReadyAsync(api.CreateClient(), b)));
            await api.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
            Assert.All(await ListedAsync(api, a, b), Assert.Empty); // cached for an hour
        }
        var onA = new[] { await SeedApprovedAsync(a), await SeedApprovedAsync(a) };
        var onB = await SeedApprovedAsync(b);
        foreach (var api in instances)
        {
            Assert.All(await ListedAsync(api, a, b), Assert.Empty); // stored without an event: still the cached answer
        }

        await first.Services.GetRequiredService<IBus>().Publish(new CommentsModerated { Items = [.. onA.Append(onB).Select(id => Approved(id, id == onB ? b : a))] });

        foreach (var ((streamA, streamB), api) in streams.Zip(instances))
        {
            foreach (var id in onA)
            {
                await streamA.WaitForCommentAsync(id, "a comment of the group on article a");
            }
            await streamB.WaitForCommentAsync(onB, "the comment of the group on article b");
            await Eventually.Until(() => ListedAsync(api, a, b), listed => listed[0].Count == 2 && listed[1].Count == 1, what: "both articles' listings evicted");
            Assert.Equal(onA, streamA.CommentIds);
            Assert.Equal([onB], streamB.CommentIds);
            await streamA.DisposeAsync();
            await streamB.DisposeAsync();
        }
    }

    private static ModeratedComment Approved(Guid id, string articleId) => new()
    {
        CommentId = id, ArticleId = articleId, Outcome = "approved", ReasonCodes = [], Actor = Decision.SystemActor, DecidedAt = DateTimeOffset.UtcNow,
    };

    private static async Task<List<Guid>[]> ListedAsync(ApiFactory api, params string[] articleIds)
    {
        var client = api.CreateClient();
        var listed = new List<List<Guid>>();
        foreach (var articleId in articleIds)
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/articles/{articleId}/comments", TestData.Json);
            listed.Add([.. page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid())]);
        }
        return [.. listed];
    }

    private static Task<Guid> SeedApprovedAsync(string articleId) => TestData.SeedApprovedAsync(articleId, "Grace Grouped", "Decided in a group with others.");

    private static async Task<LiveStreamClient> OpenReadyAsync(HttpClient client, string articleId)
    {
        var stream = await LiveStreamClient.OpenAsync(client, articleId);
        Assert.Equal(HttpStatusCode.OK, stream.Status);
        await stream.WaitForAsync("ready", _ => true, "the ready event");
        return stream;
    }
}
