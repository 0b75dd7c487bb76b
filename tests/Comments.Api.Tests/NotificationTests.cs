using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Comments.Contracts;
using Comments.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moderation.Worker.Notifications;

namespace Comments.Api.Tests;

/// <summary>
/// Notifications from the four triggers, through the real worker, bus and database; a redelivered event adds nothing;
/// a reader sees and marks only their own; the mail preferences.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class NotificationTests(CommentsStack stack)
{
    private HttpClient Reader(string userId, string name = "Ada Reader") => stack.Api.CreateClientFor(userId, name);

    private HttpClient Moderator(string moderatorId) => stack.Api.CreateClientFor(moderatorId, "Mo Derator", "moderator");

    private async Task<int> RedeliverAsync(Func<ReaderNotifications, Task<int>> consume)
    {
        await using var scope = stack.WorkerServices.CreateAsyncScope();
        return await consume(scope.ServiceProvider.GetRequiredService<ReaderNotifications>());
    }

    [Fact]
    public async Task A_published_reply_by_another_reader_notifies_the_parent_author_once_and_a_self_reply_nobody()
    {
        var articleId = TestData.NewArticleId();
        var aliceId = TestData.NewUserId();
        var alice = Reader(aliceId, "Alice");
        var parent = await alice.PostPublishedAsync(articleId, "The pumps held, the barrier did its job.");
        var reply = await Reader(TestData.NewUserId(), "Bob Replier").PostPublishedReplyAsync(articleId, parent, "They did, and the engineers deserve thanks.");

        var replies = await alice.WaitForNotificationsAsync("reply", 1, "Alice's notification of Bob's reply");
        Assert.Equal(reply, Assert.Single(replies).GetProperty("commentId").GetGuid());
        Assert.Equal("Bob Replier replied to your comment.", replies[0].GetProperty("text").GetString());
        Assert.False(replies[0].GetProperty("read").GetBoolean());

        var own = await alice.PostPublishedReplyAsync(articleId, parent, "Thanks, and the volunteers too.");
        var ownEvent = await NotificationTestData.LatestDecisionEventAsync(own);
        Assert.Equal(0, await RedeliverAsync(n => n.ModeratedAsync(ownEvent, CancellationToken.None)));
        var replyEvent = await NotificationTestData.LatestDecisionEventAsync(reply);
        Assert.Equal(0, await RedeliverAsync(n => n.ModeratedAsync(replyEvent, CancellationToken.None)));
        var asOneGroup = new CommentsModerated { Items = [.. ownEvent.Items, .. replyEvent.Items] };
        Assert.Equal(0, await RedeliverAsync(n => n.ModeratedAsync(asOneGroup, CancellationToken.None)));
        Assert.Equal(1, await NotificationTestData.StoredNotificationsAsync(aliceId));
    }

    [Fact]
    public async Task A_group_s_event_notifies_the_author_replied_to_once_for_each_reply_in_it()
    {
        var articleId = TestData.NewArticleId();
        var (aliceId, carolId) = (TestData.NewUserId(), TestData.NewUserId());
        var alice = Reader(aliceId, "Alice");
        var carol = Reader(carolId, "Carol");
        var aliceParent = await alice.PostPublishedAsync(articleId, "The ferry should run on Sundays too.");
        var carolParent = await carol.PostPublishedAsync(articleId, "The night bus is what we need first.");
        var bob = Reader(TestData.NewUserId(), "Bob Replier");
        var replies = new[]
        {
            await bob.PostPublishedReplyAsync(articleId, aliceParent, "Sundays are when the tourists come, agreed."),
            await bob.PostPublishedReplyAsync(articleId, aliceParent, "And on holidays, I would add."),
            await bob.PostPublishedReplyAsync(articleId, carolParent, "Both, if the council finds the money."),
        };
        await alice.WaitForNotificationsAsync("reply", 2, "Alice's notifications of Bob's two replies");
        await carol.WaitForNotificationsAsync("reply", 1, "Carol's notification of Bob's reply");
        await using (var db = TestServices.CreateDbContext())
        {
            // As if the worker's event had been lost: the group's event, redelivered, makes them again.
            await db.Notifications.Where(n => n.UserId == aliceId || n.UserId == carolId).ExecuteDeleteAsync();
        }
        var items = new List<ModeratedComment>();
        foreach (var reply in replies)
        {
            items.AddRange((await NotificationTestData.LatestDecisionEventAsync(reply)).Items);
        }
        var group = new CommentsModerated { Items = [.. items, .. (await NotificationTestData.LatestDecisionEventAsync(aliceParent)).Items] };

        Assert.Equal(3, await RedeliverAsync(n => n.ModeratedAsync(group, CancellationToken.None)));
        Assert.Equal(0, await RedeliverAsync(n => n.ModeratedAsync(group, CancellationToken.None)));
        Assert.Equal(2, await NotificationTestData.StoredNotificationsAsync(aliceId));
        Assert.Equal(1, await NotificationTestData.StoredNotificationsAsync(carolId));
    }

    [Fact]
    public async Task Featuring_a_comment_notifies_its_author_once_also_when_featured_again()
    {
        var articleId = TestData.NewArticleId();
        var authorId = TestData.NewUserId();
        var author = Reader(authorId);
        var id = await author.PostPublishedAsync(articleId, "I watched the pumps all night, they never stopped.");
        var moderatorId = TestData.NewUserId("moderator");
        var moderator = Moderator(moderatorId);

        (await moderator.FeatureAsync(id)).EnsureSuccessStatusCode();
        var featured = await author.WaitForNotificationsAsync("featured", 1, "the author's editors' pick notification");
        Assert.Equal("Your comment was chosen as an editors' pick.", Assert.Single(featured).GetProperty("text").GetString());

        (await moderator.UnfeatureAsync(id)).EnsureSuccessStatusCode();
        (await moderator.FeatureAsync(id)).EnsureSuccessStatusCode();
        var again = new CommentFeatured { CommentId = id, ArticleId = articleId, Featured = true, Actor = moderatorId, ChangedAt = DateTimeOffset.UtcNow };
        Assert.Equal(0, await RedeliverAsync(n => n.FeaturedAsync(again, CancellationToken.None)));
        Assert.Equal(1, await NotificationTestData.StoredNotificationsAsync(authorId));
    }

    [Fact]
    public async Task A_moderators_decision_on_a_held_comment_notifies_its_author_with_the_reader_facing_reason_and_nothing_else_does()
    {
        var articleId = TestData.NewArticleId();
        var authorId = TestData.NewUserId();
        var author = Reader(authorId);
        var approved = await author.PostAcceptedCommentAsync(articleId, "The mayor talks utter bullshit about the flood money.");
        await author.WaitForStatusAsync(approved, "held");
        var rejected = await author.PostAcceptedCommentAsync(articleId, "The mayor is talking bullshit about the bridge.");
        await author.WaitForStatusAsync(rejected, "held");
        var published = await author.PostPublishedAsync(articleId, "The volunteers filled sandbags until dawn.");
        var moderator = Moderator(TestData.NewUserId("moderator"));

        await moderator.DecideAsync(approved, "approve");
        await moderator.DecideAsync(rejected, "reject", "OFFENSIVE");
        await moderator.DecideAsync(published, "reject", "OFFENSIVE");

        var decided = await author.WaitForNotificationsAsync("decided", 2, "the author's two decision notifications");
        var yes = Assert.Single(decided, n => n.GetProperty("commentId").GetGuid() == approved);
        Assert.Equal("approved", yes.GetProperty("outcome").GetString());
        Assert.Equal("A moderator reviewed your comment and published it.", yes.GetProperty("text").GetString());
        var no = Assert.Single(decided, n => n.GetProperty("commentId").GetGuid() == rejected);
        Assert.Equal("rejected", no.GetProperty("outcome").GetString());
        Assert.Equal("OFFENSIVE", no.GetProperty("reasonCode").GetString());
        Assert.Equal("A moderator reviewed your comment and did not publish it: a moderator found it offensive.", no.GetProperty("text").GetString());

        // Approved without review, and rejected after being published (not held): no notification, also when redelivered.
        foreach (var id in new[] { approved, published })
        {
            var message = await NotificationTestData.LatestDecisionEventAsync(id);
            Assert.Equal(0, await RedeliverAsync(n => n.ModeratedAsync(message, CancellationToken.None)));
        }
        await using var db = TestServices.CreateDbContext();
        var firstDecision = await db.Decisions.Where(d => d.CommentId == published).OrderBy(d => d.DecidedAt).FirstAsync();
        var automatic = new CommentsModerated
        {
            Items = [new ModeratedComment
            {
                CommentId = published, ArticleId = articleId, Outcome = "approved", ReasonCodes = [], Actor = firstDecision.Actor, DecidedAt = firstDecision.DecidedAt,
            }],
        };
        Assert.Equal(0, await RedeliverAsync(n => n.ModeratedAsync(automatic, CancellationToken.None)));
        // The two decided ones, and the statement of reasons of each of the two removals (issue 21, written with the decision).
        Assert.Equal(4, await NotificationTestData.StoredNotificationsAsync(authorId));
    }

    [Fact]
    public async Task A_support_reply_notifies_the_signed_in_requester_in_the_same_unit_of_work_and_an_anonymous_one_nobody()
    {
        var readerId = TestData.NewUserId();
        var reader = Reader(readerId);
        var submitted = await reader.PostAsJsonAsync("/api/help-requests", new { message = "My comment vanished after I posted it." });
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        var accepted = await submitted.Content.ReadFromJsonAsync<JsonElement>(TestData.Json);
        var id = accepted.GetProperty("id").GetGuid();
        var anonymous = await stack.Api.CreateClient().PostAsJsonAsync("/api/help-requests", new { email = "someone@example.org", message = "I cannot post at all, help." });
        var anonymousId = (await anonymous.Content.ReadFromJsonAsync<JsonElement>(TestData.Json)).GetProperty("id").GetGuid();
        var support = stack.Api.CreateClientFor(TestData.NewUserId("support"), "Sam Support", "support");
        await support.WaitForTriagedAsync(id);
        await support.WaitForTriagedAsync(anonymousId);

        Assert.Equal(HttpStatusCode.Created, (await support.PostAsJsonAsync($"/api/support/help-requests/{id}/replies", new { body = "We found it." })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await support.PostAsJsonAsync($"/api/support/help-requests/{anonymousId}/replies", new { body = "Try again." })).StatusCode);

        var page = await reader.NotificationsAsync();
        var item = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal("support_reply", item.GetProperty("kind").GetString());
        var reference = accepted.GetProperty("reference").GetString();
        Assert.Equal(reference, item.GetProperty("helpRequestReference").GetString());
        Assert.Equal($"Support answered your help request {reference}.", item.GetProperty("text").GetString());
        Assert.Equal(1, page.GetProperty("unread").GetInt32());
        await using var db = TestServices.CreateDbContext();
        Assert.False(await db.Notifications.AnyAsync(n => n.HelpRequestId == anonymousId));
    }

    [Fact]
    public async Task A_reader_sees_and_marks_only_their_own_notifications()
    {
        var aliceId = TestData.NewUserId();
        var alice = Reader(aliceId);
        var now = DateTimeOffset.UtcNow;
        var oldest = await NotificationTestData.AddNotificationAsync(aliceId, now.AddMinutes(-3));
        var middle = await NotificationTestData.AddNotificationAsync(aliceId, now.AddMinutes(-2));
        var newest = await NotificationTestData.AddNotificationAsync(aliceId, now.AddMinutes(-1));
        var bobId = TestData.NewUserId();
        var bob = Reader(bobId);
        var bobs = await NotificationTestData.AddNotificationAsync(bobId, now);

        var bobsPage = await bob.NotificationsAsync();
        Assert.Equal([bobs], bobsPage.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("id").GetGuid()));
        await ProblemAssert.IsProblemAsync(await bob.PostAsJsonAsync("/api/me/notifications/read", new { ids = new[] { oldest } }), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(await bob.PostAsJsonAsync("/api/me/notifications/read", new { ids = new[] { bobs, newest } }), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(await bob.PostAsJsonAsync("/api/me/notifications/read", new { upTo = newest }), HttpStatusCode.BadRequest);
        Assert.Equal(1, (await bob.NotificationsAsync()).GetProperty("unread").GetInt32());
        var all = await bob.PostAsJsonAsync("/api/me/notifications/read", new { });
        Assert.Equal(0, (await all.Content.ReadFromJsonAsync<JsonElement>(TestData.Json)).GetProperty("unread").GetInt32());
        Assert.Equal(3, (await alice.NotificationsAsync()).GetProperty("unread").GetInt32());

        Assert.Equal([newest, middle, oldest], await alice.AllPagesAsync("/api/me/notifications?x=1", limit: 2));
        await ProblemAssert.IsProblemAsync(await alice.GetAsync("/api/me/notifications?cursor=not-a-cursor"), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(await stack.Api.CreateClient().GetAsync("/api/me/notifications"), HttpStatusCode.Unauthorized);

        var upTo = await alice.PostAsJsonAsync("/api/me/notifications/read", new { upTo = middle });
        Assert.Equal(1, (await upTo.Content.ReadFromJsonAsync<JsonElement>(TestData.Json)).GetProperty("unread").GetInt32());
        var items = (await alice.NotificationsAsync()).GetProperty("items").EnumerateArray().ToDictionary(n => n.GetProperty("id").GetGuid(), n => n.GetProperty("read").GetBoolean());
        Assert.Equal(new Dictionary<Guid, bool> { [newest] = false, [middle] = true, [oldest] = true }, items);
        var byId = await alice.PostAsJsonAsync("/api/me/notifications/read", new { ids = new[] { newest } });
        Assert.Equal(0, (await byId.Content.ReadFromJsonAsync<JsonElement>(TestData.Json)).GetProperty("unread").GetInt32());
    }

    [Fact]
    public async Task Preferences_suggest_the_tokens_address_store_only_a_valid_one_and_refuse_bad_input()
    {
        var userId = TestData.NewUserId();
        var fromToken = $"{userId}@example.org";
        var reader = stack.Api.CreateClientWith(stack.Api.TokenFor(userId, extraClaims: [new Claim("email", fromToken)]));

        var suggested = await reader.GetFromJsonAsync<JsonElement>("/api/me/preferences", TestData.Json);
        Assert.Equal(fromToken, suggested.GetProperty("email").GetString());
        Assert.False(suggested.GetProperty("saved").GetBoolean());
        Assert.True(suggested.GetProperty("mailEnabled").GetBoolean());
        Assert.Equal("en", suggested.GetProperty("language").GetString());

        foreach (var bad in new object[] { new { email = "not an address" }, new { email = "Bob <bob@example.org>" }, new { email = "bob@example.org\r\nBcc: x@example.org" },
                     new { email = new string('a', 250) + "@example.org" } })
        {
            await ProblemAssert.IsProblemAsync(await reader.PutAsJsonAsync("/api/me/preferences", bad), HttpStatusCode.BadRequest);
        }
        await ProblemAssert.IsProblemAsync(await reader.PutAsJsonAsync("/api/me/preferences", new { email = "bob@example.org", language = "fr" }), HttpStatusCode.BadRequest);
        Assert.False((await reader.GetFromJsonAsync<JsonElement>("/api/me/preferences", TestData.Json)).GetProperty("saved").GetBoolean());

        var saved = await reader.PutAsJsonAsync("/api/me/preferences", new { email = " other@example.org ", mailEnabled = true, language = "de" });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var stored = await reader.GetFromJsonAsync<JsonElement>("/api/me/preferences", TestData.Json);
        Assert.Equal("other@example.org", stored.GetProperty("email").GetString());
        Assert.True(stored.GetProperty("saved").GetBoolean());
        Assert.Equal("de", stored.GetProperty("language").GetString());
        await ProblemAssert.IsProblemAsync(await stack.Api.CreateClient().GetAsync("/api/me/preferences"), HttpStatusCode.Unauthorized);
    }
}
