using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comments.Testing;
using Microsoft.Extensions.Time.Testing;
using Microsoft.EntityFrameworkCore;

namespace Comments.Api.Tests;

/// <summary>The moderator workbench through the real services, on a site of its own so queue counts are exact.</summary>
[Collection(StackCollection.Name)]
public sealed class WorkbenchTests(CommentsStack stack, SiteFixture site) : IClassFixture<SiteFixture>
{
    private HttpClient Moderator => site.Moderator;

    private async Task<Guid> PostAndWaitAsync(HttpClient client, string articleId, string body, string status)
    {
        var id = await client.PostAcceptedCommentAsync(articleId, body);
        await client.WaitForStatusAsync(id, status);
        return id;
    }

    private async Task<JsonElement> QueueAsync(string queue, string articleId) =>
        await Moderator.GetFromJsonAsync<JsonElement>($"/api/moderation/queues/{queue}?siteId={site.SiteId}&articleId={articleId}", TestData.Json);

    private static Guid[] Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("comment").GetProperty("id").GetGuid())];

    private async Task<uint> VersionAsync(Guid id) =>
        (await Moderator.GetFromJsonAsync<JsonElement>($"/api/moderation/comments/{id}/history", TestData.Json)).GetProperty("version").GetUInt32();

    private Task<HttpResponseMessage> DecideAsync(HttpClient moderator, Guid id, string action, string? reason, uint? version, string? explanation = null) =>
        moderator.PostAsJsonAsync($"/api/moderation/comments/{id}/decision", new { action, reason, version, note = "checked", explanation });

    [Fact]
    public async Task Each_path_puts_a_comment_in_its_queue_and_counts_follow()
    {
        var articleId = TestData.NewArticleId();
        var reader = site.Api.CreateClientFor(TestData.NewUserId());
        var before = await Moderator.GetFromJsonAsync<JsonElement>($"/api/moderation/queues?siteId={site.SiteId}", TestData.Json);

        var approved = await PostAndWaitAsync(reader, articleId, "A calm remark about the bypass.", "approved");
        var held = await PostAndWaitAsync(reader, articleId, "The minister talked utter bullshit today.", "held");
        var rejected = await PostAndWaitAsync(reader, articleId, "Fuck the council.", "rejected");
        Assert.Equal(HttpStatusCode.Created, (await site.Api.CreateClientFor(TestData.NewUserId()).PostAsJsonAsync($"/api/comments/{approved}/reports", new { reason = "off_topic" })).StatusCode);
        await stack.StopWorkerAsync();
        Guid unmoderated;
        try
        {
            unmoderated = await reader.PostAcceptedCommentAsync(articleId, "Nobody has looked at this yet.");
            Assert.Equal([unmoderated], Ids(await QueueAsync("unmoderated", articleId)));
        }
        finally
        {
            await stack.StartWorkerAsync();
        }
        await reader.WaitForStatusAsync(unmoderated, "approved");

        Assert.Equal([approved, unmoderated], Ids(await QueueAsync("approved", articleId)));
        Assert.Equal([rejected], Ids(await QueueAsync("rejected", articleId)));
        Assert.Equal([approved], Ids(await QueueAsync("reported", articleId)));
        var pending = (await QueueAsync("pending", articleId)).GetProperty("items")[0];
        Assert.Equal(held, pending.GetProperty("comment").GetProperty("id").GetGuid());
        Assert.Equal("bullshit", pending.GetProperty("matches")[0].GetProperty("text").GetString());
        Assert.Contains("SUSPECT_WORD", pending.GetProperty("reasonCodes").EnumerateArray().Select(r => r.GetString()));
        Assert.True(pending.GetProperty("scores").GetProperty("toxicity").GetDouble() >= 0);
        Assert.Equal(4, pending.GetProperty("author").GetProperty("comments").GetInt32());
        var reported = (await QueueAsync("reported", articleId)).GetProperty("items")[0];
        Assert.Equal("off_topic", reported.GetProperty("reports")[0].GetProperty("reason").GetString());

        var after = await Moderator.GetFromJsonAsync<JsonElement>($"/api/moderation/queues?siteId={site.SiteId}", TestData.Json);
        int Delta(string queue) => after.GetProperty("counts").GetProperty(queue).GetInt32() - before.GetProperty("counts").GetProperty(queue).GetInt32();
        Assert.Equal((2, 1, 1, 1, 0), (Delta("approved"), Delta("pending"), Delta("rejected"), Delta("reported"), Delta("unmoderated")));
    }

    [Fact]
    public async Task Moderators_claiming_in_parallel_never_get_the_same_item_and_leases_expire()
    {
        var ownSite = $"claims-{Guid.NewGuid():N}"[..20];
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var api = new ApiFactory(new Dictionary<string, string?> { ["Comments:SiteId"] = ownSite, ["Workbench:ClaimLease"] = "00:02:00" }, clock: clock);
        var reader = api.CreateClientFor(TestData.NewUserId());
        var articleId = TestData.NewArticleId();
        foreach (var body in new[] { "What a load of bullshit.", "More bullshit from the mayor." })
        {
            await PostAndWaitAsync(reader, articleId, body, "held");
        }
        var alice = api.CreateClientFor(TestData.NewUserId("moderator"), "Alice", "moderator");
        var bob = api.CreateClientFor(TestData.NewUserId("moderator"), "Bob", "moderator");
        var next = $"/api/moderation/next?queue=pending&siteId={ownSite}";

        var both = await Task.WhenAll(alice.PostAsync(next, null), bob.PostAsync(next, null));
        var claims = new List<Guid>();
        foreach (var response in both)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            claims.Add((await response.Content.ReadFromJsonAsync<JsonElement>(TestData.Json)).GetProperty("comment").GetProperty("id").GetGuid());
        }
        Assert.NotEqual(claims[0], claims[1]);
        Assert.Equal(HttpStatusCode.NoContent, (await api.CreateClientFor(TestData.NewUserId("moderator"), "Carol", "moderator").PostAsync(next, null)).StatusCode);
        var aliceItem = claims[0];
        await ProblemAssert.IsProblemAsync(await bob.PostAsync($"/api/moderation/comments/{aliceItem}/claim", null), HttpStatusCode.Conflict);
        await ProblemAssert.IsProblemAsync(await bob.DeleteAsync($"/api/moderation/comments/{aliceItem}/claim"), HttpStatusCode.Conflict);

        clock.Advance(TimeSpan.FromMinutes(2) - TimeSpan.FromSeconds(1));
        await ProblemAssert.IsProblemAsync(await bob.PostAsync($"/api/moderation/comments/{aliceItem}/claim", null), HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, (await api.CreateClientFor(TestData.NewUserId("moderator"), "Carol", "moderator").PostAsync(next, null)).StatusCode);

        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(HttpStatusCode.OK, (await bob.PostAsync($"/api/moderation/comments/{aliceItem}/claim", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await bob.DeleteAsync($"/api/moderation/comments/{aliceItem}/claim")).StatusCode);
    }

    [Fact]
    public async Task Two_moderators_deciding_at_once_one_wins_and_the_other_gets_409_with_the_winning_decision()
    {
        var reader = site.Api.CreateClientFor(TestData.NewUserId());
        var id = await PostAndWaitAsync(reader, TestData.NewArticleId(), "The councillor is talking bullshit.", "held");
        var version = await VersionAsync(id);
        var alice = site.Api.CreateClientFor(TestData.NewUserId("moderator"), "Alice", "moderator");
        var bob = site.Api.CreateClientFor(TestData.NewUserId("moderator"), "Bob", "moderator");

        var responses = await Task.WhenAll(DecideAsync(alice, id, "approve", null, version), DecideAsync(bob, id, "reject", "OFFENSIVE", version));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        var loser = responses.Single(r => r.StatusCode == HttpStatusCode.Conflict);
        var winner = responses.Single(r => r.StatusCode == HttpStatusCode.OK);
        var winning = (await winner.Content.ReadFromJsonAsync<JsonElement>(TestData.Json)).GetProperty("decision").GetProperty("id").GetGuid();
        Assert.Equal(winning, (await loser.Content.ReadFromJsonAsync<JsonElement>(TestData.Json)).GetProperty("decision").GetProperty("id").GetGuid());
        await ProblemAssert.IsProblemAsync(await DecideAsync(alice, id, "approve", null, version: null), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Approving_closes_reports_as_dismissed_and_rejecting_shows_the_explanation_to_the_author()
    {
        var reader = site.Api.CreateClientFor(TestData.NewUserId());
        var articleId = TestData.NewArticleId();
        var reported = await PostAndWaitAsync(reader, articleId, "An unpopular but fair view on parking.", "approved");
        var reporter = TestData.NewUserId();
        await site.Api.CreateClientFor(reporter).PostAsJsonAsync($"/api/comments/{reported}/reports", new { reason = "spam" });

        var approve = await DecideAsync(Moderator, reported, "approve", null, await VersionAsync(reported));
        Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        Assert.Empty((await QueueAsync("reported", articleId)).GetProperty("items").EnumerateArray());
        await using (var db = TestServices.CreateDbContext())
        {
            Assert.Equal(Storage.Reports.ReportStatus.Dismissed, (await db.Reports.SingleAsync(r => r.CommentId == reported)).Status);
            Assert.Equal(0.75, (await db.ReporterTrust.SingleAsync(t => t.UserId == reporter)).Weight);
        }

        var rude = await PostAndWaitAsync(reader, articleId, "The mayor is talking bullshit again.", "held");
        var reject = await Moderator.PostAsJsonAsync($"/api/moderation/comments/{rude}/decision",
            new { action = "reject", reason = "OFFENSIVE", explanation = "Please criticise ideas, not people." });
        Assert.Equal(HttpStatusCode.BadRequest, reject.StatusCode);
        var withVersion = new HttpRequestMessage(HttpMethod.Post, $"/api/moderation/comments/{rude}/decision")
        {
            Content = JsonContent.Create(new { action = "reject", reason = "OFFENSIVE", explanation = "Please criticise ideas, not people." }),
        };
        withVersion.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{await VersionAsync(rude)}\""));
        Assert.Equal(HttpStatusCode.OK, (await Moderator.SendAsync(withVersion)).StatusCode);
        var seen = (await reader.GetCommentAsync(rude))!.Value;
        Assert.Equal("rejected", seen.GetProperty("status").GetString());
        Assert.Equal("rejected: Please criticise ideas, not people.", seen.GetProperty("reasons")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task Bulk_decisions_each_get_their_own_result()
    {
        var reader = site.Api.CreateClientFor(TestData.NewUserId());
        var articleId = TestData.NewArticleId();
        var first = await PostAndWaitAsync(reader, articleId, "Bullshit, says the first.", "held");
        var second = await PostAndWaitAsync(reader, articleId, "Bullshit, says the second.", "held");

        var response = await Moderator.PostAsJsonAsync("/api/moderation/decisions", new
        {
            items = new object[]
            {
                new { commentId = first, action = "approve", version = await VersionAsync(first) },
                new { commentId = second, action = "reject", reason = "OFFENSIVE", version = 1u },
                new { commentId = Guid.NewGuid(), action = "approve", version = 1u },
                new { commentId = second, action = "maybe", version = 1u },
            },
        });

        var results = (await response.Content.ReadFromJsonAsync<JsonElement>(TestData.Json)).GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("status").GetInt32()).ToList();
        Assert.Equal([200, 409, 404, 400], results);
        await ProblemAssert.IsProblemAsync(await Moderator.PostAsJsonAsync("/api/moderation/decisions",
            new { items = Enumerable.Range(0, 101).Select(_ => new { commentId = first, action = "approve", version = 1u }) }), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task User_actions_ban_with_rejection_suspend_restore_notes_and_audit()
    {
        var userId = TestData.NewUserId();
        var reader = site.Api.CreateClientFor(userId);
        var articleId = TestData.NewArticleId();
        var published = await PostAndWaitAsync(reader, articleId, "A perfectly fine comment.", "approved");

        var suspend = await Moderator.PostAsJsonAsync($"/api/moderation/users/{userId}/suspend", new { reason = "cooling off", duration = "3h" });
        Assert.Equal("suspended", (await suspend.Content.ReadFromJsonAsync<JsonElement>(TestData.Json)).GetProperty("status").GetString());
        await ProblemAssert.IsProblemAsync(await reader.PostCommentAsync(articleId, "Can I post?"), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await Moderator.PostAsJsonAsync($"/api/moderation/users/{userId}/suspend", new { reason = "x", duration = "forever" }), HttpStatusCode.BadRequest);

        await Moderator.PostAsJsonAsync($"/api/moderation/users/{userId}/restore", new { reason = "served" });
        Assert.Equal(HttpStatusCode.Accepted, (await reader.PostCommentAsync(articleId, "Back again.")).StatusCode);

        var ban = await Moderator.PostAsJsonAsync($"/api/moderation/users/{userId}/ban", new { reason = "repeated abuse", rejectComments = true });
        Assert.Equal(HttpStatusCode.OK, ban.StatusCode);
        Assert.Equal("rejected", (await reader.GetCommentAsync(published))!.Value.GetProperty("status").GetString());
        await ProblemAssert.IsProblemAsync(await reader.PostCommentAsync(articleId, "Banned now?"), HttpStatusCode.Forbidden);

        Assert.Equal(HttpStatusCode.Created, (await Moderator.PostAsJsonAsync($"/api/moderation/users/{userId}/notes", new { body = "Known troll from the election threads." })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Moderator.PostAsJsonAsync($"/api/moderation/users/{userId}/warn", new { reason = "tone" })).StatusCode);
        var user = await Moderator.GetFromJsonAsync<JsonElement>($"/api/moderation/users/{userId}", TestData.Json);
        Assert.Equal("banned", user.GetProperty("status").GetString());
        Assert.Equal("Known troll from the election threads.", user.GetProperty("notes")[0].GetProperty("body").GetString());
        Assert.True(user.GetProperty("commentCounts").GetProperty("rejected").GetInt32() >= 1);
        Assert.Equal(["warn", "ban", "restore", "suspend"], user.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()).Where(a => a != "note").Take(4));

        var audit = await Moderator.GetFromJsonAsync<JsonElement>($"/api/moderation/audit?target={userId}", TestData.Json);
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), a => a.GetProperty("action").GetString() == "ban"
            && a.GetProperty("before").GetProperty("status").GetString() == "active");
    }

    [Fact]
    public async Task Every_action_leaves_an_audit_entry_with_actor_target_and_before_and_after()
    {
        var reader = site.Api.CreateClientFor(TestData.NewUserId());
        var id = await PostAndWaitAsync(reader, TestData.NewArticleId(), "Bullshit, but politely.", "held");
        var moderatorId = TestData.NewUserId("moderator");
        var moderator = site.Api.CreateClientFor(moderatorId, "Audited", "moderator");

        Assert.Equal(HttpStatusCode.OK, (await moderator.PostAsync($"/api/moderation/comments/{id}/claim", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await DecideAsync(moderator, id, "reject", "OFFENSIVE", await VersionAsync(id))).StatusCode);
        var settings = await moderator.GetFromJsonAsync<JsonElement>($"/api/moderation/settings?siteId={site.SiteId}", TestData.Json);
        Assert.Equal(HttpStatusCode.OK, (await moderator.PutAsJsonAsync($"/api/moderation/settings?siteId={site.SiteId}", settings.GetProperty("settings"))).StatusCode);

        var mine = await moderator.GetFromJsonAsync<JsonElement>($"/api/moderation/audit?actor={moderatorId}", TestData.Json);
        var actions = mine.GetProperty("items").EnumerateArray().Select(a => (a.GetProperty("action").GetString(), a.GetProperty("targetType").GetString())).ToList();
        Assert.Equal([("change", "settings"), ("reject", "comment"), ("claim", "comment")], actions);
        var reject = mine.GetProperty("items")[1];
        Assert.Equal("held", reject.GetProperty("before").GetProperty("status").GetString());
        Assert.Equal("rejected", reject.GetProperty("after").GetProperty("status").GetString());
        var system = await moderator.GetFromJsonAsync<JsonElement>($"/api/moderation/audit?actor=system&target={id}", TestData.Json);
        Assert.Equal("held", system.GetProperty("items")[0].GetProperty("action").GetString());
    }

    [Fact]
    public async Task Audit_log_cannot_be_changed_even_in_the_database()
    {
        await using var db = TestServices.CreateDbContext();
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("update audit_entries set actor = 'someone else'"));
        Assert.Contains("append-only", failure.Message);
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("delete from audit_entries"));
    }

    [Fact]
    public async Task Comment_history_shows_revisions_system_and_human_decisions_reports_and_notes_in_order()
    {
        var reader = site.Api.CreateClientFor(TestData.NewUserId());
        var id = await PostAndWaitAsync(reader, TestData.NewArticleId(), "First version of my thought.", "approved");
        await reader.PatchAsJsonAsync($"/api/comments/{id}", new { body = "Second version of my thought." });
        await Eventually.Until(() => reader.GetCommentAsync(id), c => c?.GetProperty("body").GetString() == "Second version of my thought.",
            what: "the edit to be public");
        await site.Api.CreateClientFor(TestData.NewUserId()).PostAsJsonAsync($"/api/comments/{id}/reports", new { reason = "other" });
        await Moderator.PostAsJsonAsync($"/api/moderation/comments/{id}/notes", new { body = "Looks fine to me." });
        await DecideAsync(Moderator, id, "approve", null, await VersionAsync(id));

        var history = await Moderator.GetFromJsonAsync<JsonElement>($"/api/moderation/comments/{id}/history", TestData.Json);
        var kinds = history.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["revision", "system_decision", "revision", "system_decision", "report", "note", "moderator_decision"], kinds);

        var stats = await Moderator.GetFromJsonAsync<JsonElement>($"/api/moderation/stats?siteId={site.SiteId}", TestData.Json);
        Assert.True(stats.GetProperty("commentsPerHour").GetArrayLength() >= 1);
        Assert.True(stats.GetProperty("submissionToHumanDecision").GetProperty("medianSeconds").GetDouble() >= 0);
        Assert.Contains(stats.GetProperty("decisionsByActorAndOutcome").EnumerateArray(), k => k.GetProperty("key").GetString() == "human:approved");
    }

    [Fact]
    public async Task Workbench_is_closed_to_readers_and_support()
    {
        var reader = stack.Api.CreateClientFor(TestData.NewUserId());
        var support = stack.Api.CreateClientFor(TestData.NewUserId("support"), "Sup", "support");
        foreach (var client in new[] { reader, support })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/moderation/queues")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/api/moderation/next", null)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"/api/moderation/users/{TestData.NewUserId()}/ban", new { reason = "x" })).StatusCode);
        }
    }
}
