using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comments.Testing;
using Microsoft.Extensions.Time.Testing;
using Microsoft.EntityFrameworkCore;

namespace Comments.Api.Tests;

/// <summary>The help desk through the real broker, worker and database.</summary>
[Collection(StackCollection.Name)]
public sealed class HelpDeskTests(CommentsStack stack)
{
    private HttpClient Support => stack.Api.CreateClientFor(TestData.NewUserId("support"), "Sam Support", "support");

    private static async Task<(Guid Id, string Reference)> SubmitAsync(HttpClient client, object request)
    {
        var response = await client.PostAsJsonAsync("/api/help-requests", request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestData.Json);
        Assert.Matches("^HR-[2-9A-HJ-NP-Z]{5}$", body.GetProperty("reference").GetString());
        return (body.GetProperty("id").GetGuid(), body.GetProperty("reference").GetString()!);
    }

    private Task<JsonElement> TriagedAsync(Guid id) => Support.WaitForTriagedAsync(id);

    [Fact]
    public async Task Anonymous_request_is_accepted_categorised_and_visible_with_its_access_token_only()
    {
        var anonymous = stack.Api.CreateClient();
        var email = $"reader-{Guid.NewGuid():N}@example.org";

        var response = await anonymous.PostAsJsonAsync("/api/help-requests", new { email, articleId = "world-1", message = "My comment disappeared right after I posted it." });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>(TestData.Json);
        var (id, reference, token) = (accepted.GetProperty("id").GetGuid(), accepted.GetProperty("reference").GetString()!, accepted.GetProperty("accessToken").GetString()!);

        var triaged = await TriagedAsync(id);
        Assert.Equal("comment_missing", triaged.GetProperty("category").GetString());
        Assert.Equal("normal", triaged.GetProperty("priority").GetString());
        Assert.Equal("on_time", triaged.GetProperty("dueState").GetString());
        Assert.True(token.Length >= 43, $"an access token of at least 256 bits in base64url, got {token.Length} characters");
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/help-requests/{reference}?token={token}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/help-requests/{reference}?email={email}")).StatusCode);
        // One character changed (never to itself: a token ending in A would otherwise be sent unchanged).
        var altered = token[..^1] + (token[^1] == 'A' ? 'B' : 'A');
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/help-requests/{reference}?token={altered}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/help-requests/{reference}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stack.Api.CreateClientFor(TestData.NewUserId()).GetAsync($"/api/help-requests/{reference}")).StatusCode);
        await using var db = TestServices.CreateDbContext();
        var stored = await db.HelpRequests.SingleAsync(r => r.Id == id);
        Assert.NotNull(stored.AccessTokenHash);
        Assert.DoesNotContain(token, stored.AccessTokenHash);
        var acknowledgement = await db.OutgoingMail.SingleAsync(m => m.HelpRequestId == id);
        Assert.Equal(email, acknowledgement.To);
        Assert.Contains(reference, acknowledgement.Body);
        Assert.Contains(token, acknowledgement.Body);
    }

    [Fact]
    public async Task A_request_waiting_for_its_first_reply_turns_due_soon_in_the_last_quarter_of_its_allowance_and_then_overdue()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var api = new ApiFactory(clock: clock);
        // Lasts past the advanced clock: the API's clock is the fake one, the token's validity is checked either way.
        var support = api.CreateClientWith(api.TokenFor(TestData.NewUserId("support"), "Sam Support", ["support"], expires: DateTime.UtcNow.AddDays(5)));
        var (id, _) = await SubmitAsync(api.CreateClient(), new { email = $"reader-{Guid.NewGuid():N}@example.org", message = "My comment disappeared right after I posted it." });
        var triaged = await support.WaitForTriagedAsync(id);
        Assert.Equal("normal", triaged.GetProperty("priority").GetString());
        var due = triaged.GetProperty("firstReplyDueAt").GetDateTimeOffset();
        Assert.Equal(TimeSpan.FromHours(24), due - triaged.GetProperty("createdAt").GetDateTimeOffset());
        async Task<string?> DueStateAsync() => (await support.GetFromJsonAsync<JsonElement>($"/api/support/help-requests/{id}", TestData.Json)).GetProperty("dueState").GetString();
        var assignee = TestData.NewUserId("support");
        Assert.Equal(HttpStatusCode.OK, (await support.PatchAsJsonAsync($"/api/support/help-requests/{id}", new { assignee })).StatusCode);
        async Task<string?> ListedDueStateAsync() => (await support.GetFromJsonAsync<JsonElement>($"/api/support/help-requests?assignee={assignee}", TestData.Json))
            .GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == id).GetProperty("dueState").GetString();
        var overdueBefore = (await support.GetFromJsonAsync<JsonElement>("/api/support/stats", TestData.Json)).GetProperty("overdue").GetInt32();

        clock.SetUtcNow(due - TimeSpan.FromHours(6) - TimeSpan.FromMinutes(1));
        Assert.Equal("on_time", await DueStateAsync());
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal("due_soon", await DueStateAsync());
        Assert.Equal("due_soon", await ListedDueStateAsync());
        clock.SetUtcNow(due + TimeSpan.FromMinutes(1));
        Assert.Equal("overdue", await DueStateAsync());
        Assert.Equal("overdue", await ListedDueStateAsync());
        Assert.True((await support.GetFromJsonAsync<JsonElement>("/api/support/stats", TestData.Json)).GetProperty("overdue").GetInt32() > overdueBefore,
            "the stats count the request as overdue once its first reply is late");

        Assert.Equal(HttpStatusCode.Created, (await support.PostAsJsonAsync($"/api/support/help-requests/{id}/replies", new { body = "Sorry for the wait: your comment is back." })).StatusCode);
        Assert.Equal("answered", await DueStateAsync());
    }

    [Theory]
    [InlineData(null, "My comment disappeared and I do not know why.")]
    [InlineData("not-an-email", "My comment disappeared and I do not know why.")]
    [InlineData("a@example.org", "too short")]
    public async Task Bad_intake_is_refused(string? email, string message)
    {
        await ProblemAssert.IsProblemAsync(await stack.Api.CreateClient().PostAsJsonAsync("/api/help-requests", new { email, message }), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Unknown_category_is_refused()
    {
        await ProblemAssert.IsProblemAsync(await stack.Api.CreateClient().PostAsJsonAsync("/api/help-requests",
            new { email = "a@example.org", category = "complaint", message = "Long enough message here." }), HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("Someone keeps harassing me in the replies and says they know my address.", "report_abuse", "urgent")]
    [InlineData("Why was I banned? I only disagreed with the article.", "banned_or_suspended", "high")]
    [InlineData("You removed my comment about the election, why?", "comment_removed", "high")]
    [InlineData("I cannot log in with my password since yesterday.", "account_or_login", "normal")]
    public async Task Category_and_priority_are_inferred(string message, string category, string priority)
    {
        var (id, _) = await SubmitAsync(stack.Api.CreateClientFor(TestData.NewUserId()), new { message });

        var triaged = await TriagedAsync(id);

        Assert.Equal((category, priority), (triaged.GetProperty("category").GetString(), triaged.GetProperty("priority").GetString()));
    }

    [Fact]
    public async Task A_held_comment_gets_a_note_that_names_the_reason_and_the_queue_and_context_lists_it()
    {
        var userId = TestData.NewUserId();
        var reader = stack.Api.CreateClientFor(userId);
        var articleId = TestData.NewArticleId();
        var held = await reader.PostAcceptedCommentAsync(articleId, "The mayor is talking bullshit about the bridge.");
        await reader.WaitForStatusAsync(held, "held");

        var (id, _) = await SubmitAsync(reader, new { articleId, message = "Where is my comment? It never appeared on the page." });

        var triaged = await TriagedAsync(id);
        var note = triaged.GetProperty("triageNote").GetString()!;
        Assert.StartsWith("Held for review since ", note);
        Assert.Contains("contains a word a moderator checks before publishing", note);
        Assert.Matches(@"\d+ items ahead of it in the queue", note);
        Assert.Contains(triaged.GetProperty("context").GetProperty("recentComments").EnumerateArray(), c => c.GetProperty("id").GetGuid() == held);
    }

    [Fact]
    public async Task A_second_request_on_the_same_matter_within_a_day_links_to_the_first()
    {
        var reader = stack.Api.CreateClientFor(TestData.NewUserId());
        var (first, firstReference) = await SubmitAsync(reader, new { category = "cant_post", message = "The post button does nothing." });
        await TriagedAsync(first);

        var (second, secondReference) = await SubmitAsync(reader, new { category = "cant_post", message = "Still cannot post anything today." });

        var duplicate = await TriagedAsync(second);
        Assert.Equal(first, duplicate.GetProperty("duplicateOfId").GetGuid());
        Assert.Equal("closed", duplicate.GetProperty("status").GetString());
        var mine = await reader.GetFromJsonAsync<JsonElement>("/api/help-requests/mine", TestData.Json);
        Assert.Equal(firstReference, mine.EnumerateArray().Single(r => r.GetProperty("reference").GetString() == secondReference).GetProperty("linkedTo").GetString());
    }

    [Fact]
    public async Task Status_flow_replies_and_notes_are_recorded_and_the_reader_sees_only_what_is_theirs()
    {
        var readerId = TestData.NewUserId();
        var reader = stack.Api.CreateClientFor(readerId);
        var (id, reference) = await SubmitAsync(reader, new { email = "me@example.org", category = "technical", message = "The comments never load on my phone." });
        await TriagedAsync(id);
        var support = Support;

        foreach (var status in new[] { "open", "waiting_on_reader", "open", "resolved", "closed", "open" })
        {
            Assert.Equal(HttpStatusCode.OK, (await support.PatchAsJsonAsync($"/api/support/help-requests/{id}", new { status })).StatusCode);
        }
        await ProblemAssert.IsProblemAsync(await support.PatchAsJsonAsync($"/api/support/help-requests/{id}", new { status = "new" }), HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.OK, (await support.PatchAsJsonAsync($"/api/support/help-requests/{id}", new { assignee = "sam", priority = "high" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await support.PostAsJsonAsync($"/api/support/help-requests/{id}/replies", new { body = "Which browser do you use?" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await support.PostAsJsonAsync($"/api/support/help-requests/{id}/notes", new { body = "Probably the old Android WebView." })).StatusCode);

        var full = await support.GetFromJsonAsync<JsonElement>($"/api/support/help-requests/{id}", TestData.Json);
        var kinds = full.GetProperty("thread").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["triage", "status", "status", "status", "status", "status", "status"], kinds.Take(7));
        Assert.Equal(["assignee", "priority"], kinds.Skip(7).Take(2).Order());
        Assert.Equal(["reply", "note"], kinds.Skip(9));
        Assert.Equal("answered", full.GetProperty("dueState").GetString());

        var seen = await reader.GetFromJsonAsync<JsonElement>($"/api/help-requests/{reference}", TestData.Json);
        var readerKinds = seen.GetProperty("thread").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Contains("reply", readerKinds);
        Assert.DoesNotContain("note", readerKinds);
        Assert.DoesNotContain("triage", readerKinds);
        await using var db = TestServices.CreateDbContext();
        Assert.Equal("me@example.org", (await db.OutgoingMail.SingleAsync(m => m.HelpRequestId == id)).To);
        var other = await stack.Api.CreateClientFor(TestData.NewUserId()).GetFromJsonAsync<JsonElement>("/api/help-requests/mine", TestData.Json);
        Assert.DoesNotContain(other.EnumerateArray(), r => r.GetProperty("reference").GetString() == reference);
    }

    [Fact]
    public async Task An_appeal_puts_the_comment_back_in_moderation_and_the_outcome_returns_to_the_reader()
    {
        var reader = stack.Api.CreateClientFor(TestData.NewUserId());
        var comment = await reader.PostAcceptedCommentAsync(TestData.NewArticleId(), "Quoting the protest sign: 'fuck the war'. That was the mood.");
        await reader.WaitForStatusAsync(comment, "rejected");
        var (id, reference) = await SubmitAsync(reader, new { commentId = comment, message = "My comment was removed but I was only quoting a sign." });
        await TriagedAsync(id);

        Assert.Equal(HttpStatusCode.OK, (await Support.PostAsync($"/api/support/help-requests/{id}/escalations", null)).StatusCode);
        Assert.Equal("held", (await reader.GetCommentAsync(comment))!.Value.GetProperty("status").GetString());
        var moderator = stack.Api.CreateClientFor(TestData.NewUserId("moderator"), "Mo", "moderator");
        var appeals = await moderator.GetFromJsonAsync<JsonElement>("/api/moderation/queues/pending?reason=APPEAL&limit=100", TestData.Json);
        var item = appeals.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("comment").GetProperty("id").GetGuid() == comment);
        Assert.Equal("APPEAL", item.GetProperty("appeal").GetProperty("flag").GetString());
        Assert.Equal(reference, item.GetProperty("appeal").GetProperty("reference").GetString());
        var history = await moderator.GetFromJsonAsync<JsonElement>($"/api/moderation/comments/{comment}/history", TestData.Json);
        var decision = await moderator.PostAsJsonAsync($"/api/moderation/comments/{comment}/decision",
            new { action = "approve", version = history.GetProperty("version").GetUInt32(), note = "quotation, fine" });
        Assert.Equal(HttpStatusCode.OK, decision.StatusCode);

        var seen = await reader.GetFromJsonAsync<JsonElement>($"/api/help-requests/{reference}", TestData.Json);
        Assert.Equal("resolved", seen.GetProperty("status").GetString());
        Assert.Contains("published the comment again", seen.GetProperty("outcome").GetString());
        Assert.Equal("approved", (await stack.Api.CreateClient().GetCommentAsync(comment))!.Value.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Support_desk_is_closed_to_readers_and_moderators()
    {
        foreach (var client in new[] { stack.Api.CreateClientFor(TestData.NewUserId()), stack.Api.CreateClientFor(TestData.NewUserId("moderator"), "M", "moderator") })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/support/help-requests")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/support/stats")).StatusCode);
        }
        var stats = await Support.GetFromJsonAsync<JsonElement>("/api/support/stats", TestData.Json);
        Assert.True(stats.GetProperty("overdue").GetInt32() >= 0);
        var queue = await Support.GetFromJsonAsync<JsonElement>("/api/support/help-requests?limit=100", TestData.Json);
        var ranks = queue.GetProperty("items").EnumerateArray().Select(i => Array.IndexOf(new[] { "urgent", "high", "normal", "low" }, i.GetProperty("priority").GetString())).ToList();
        Assert.Equal(ranks.Order(), ranks);
    }
}
