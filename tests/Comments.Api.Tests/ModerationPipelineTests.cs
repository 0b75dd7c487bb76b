using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comments.Storage.Users;
using Comments.Testing;
using Microsoft.EntityFrameworkCore;

namespace Comments.Api.Tests;

/// <summary>The pipeline through the real queue and database: settings, word lists, standing and history.</summary>
[Collection(StackCollection.Name)]
public sealed class ModerationPipelineTests(CommentsStack stack, SiteFixture site) : IClassFixture<SiteFixture>
{
    private SiteFixture Site => site;

    private string SettingsUrl => $"/api/moderation/settings?siteId={Site.SiteId}";

    private async Task<JsonElement> PostAndWaitForDecisionAsync(HttpClient client, string body, string status)
    {
        var id = await client.PostAcceptedCommentAsync(TestData.NewArticleId(), body);
        return (await client.WaitForStatusAsync(id, status))!.Value;
    }

    private static string[] Codes(JsonElement comment) =>
        [.. comment.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()!)];

    [Fact]
    public async Task Settings_change_applies_to_the_next_comment_and_is_recorded()
    {
        var reader = Site.Api.CreateClientFor(TestData.NewUserId());
        var before = await PostAndWaitForDecisionAsync(reader, "First comment before pre-moderation.", "approved");

        var put = await Site.Moderator.PutAsJsonAsync(SettingsUrl, new { preModeration = true });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var held = await PostAndWaitForDecisionAsync(reader, "Second comment, under pre-moderation.", "held");
        Assert.Equal(["PREMOD"], Codes(held));
        Assert.StartsWith("held for review:", held.GetProperty("reasons")[0].GetProperty("message").GetString());

        Assert.Equal(HttpStatusCode.OK, (await Site.Moderator.PutAsJsonAsync(SettingsUrl, new { preModeration = false })).StatusCode);
        await PostAndWaitForDecisionAsync(reader, "Third comment, after pre-moderation.", "approved");

        var changes = await Site.Moderator.GetFromJsonAsync<JsonElement>($"/api/moderation/settings/changes?siteId={Site.SiteId}", TestData.Json);
        var latest = changes.EnumerateArray().First();
        Assert.Equal("settings", latest.GetProperty("subject").GetString());
        Assert.True(latest.GetProperty("before").GetProperty("preModeration").GetBoolean());
        Assert.False(latest.GetProperty("after").GetProperty("preModeration").GetBoolean());
        Assert.StartsWith("moderator-", latest.GetProperty("changedBy").GetString());
        Assert.Equal("approved", before.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Every_text_phase_acts_through_the_queue_and_reject_wins_over_hold()
    {
        var reader = Site.Api.CreateClientFor(TestData.NewUserId());
        try
        {
            Assert.Equal(HttpStatusCode.OK, (await Site.Moderator.PutAsJsonAsync(SettingsUrl, new { maxLength = 60, newCommenterCount = 1 })).StatusCode);

            var first = await PostAndWaitForDecisionAsync(reader, "My first comment on this site.", "held");
            var tooLong = await PostAndWaitForDecisionAsync(reader, new string('x', 61), "rejected");
            var toxic = await PostAndWaitForDecisionAsync(reader, "Shut up you brainless idiot, you deserve a beating.", "held");
            var spam = await PostAndWaitForDecisionAsync(reader, "Earn $300 a day from home! Click here now!!!", "held");
            var both = await PostAndWaitForDecisionAsync(reader, "Shut up you stupid faggot.", "rejected");

            Assert.Equal(["NEW_COMMENTER"], Codes(first));
            Assert.Equal(["TOO_LONG"], Codes(tooLong));
            Assert.Contains("TOXIC", Codes(toxic));
            Assert.Contains("SPAM", Codes(spam));
            Assert.Contains("BANNED_WORD", Codes(both));
        }
        finally
        {
            await Site.Moderator.PutAsJsonAsync(SettingsUrl, new { });
        }
    }

    [Fact]
    public async Task Word_list_change_applies_to_the_next_comment()
    {
        var reader = Site.Api.CreateClientFor(TestData.NewUserId());
        await PostAndWaitForDecisionAsync(reader, "Flubber is a strange word.", "approved");

        var list = await Site.Moderator.GetFromJsonAsync<JsonElement>($"/api/moderation/wordlists/suspect?siteId={Site.SiteId}", TestData.Json);
        var entries = list.GetProperty("entries").EnumerateArray().Select(e => e.GetString()!).Append("flubber").ToList();
        Assert.Equal(HttpStatusCode.OK, (await Site.Moderator.PutAsJsonAsync($"/api/moderation/wordlists/suspect?siteId={Site.SiteId}", new { entries })).StatusCode);

        var held = await PostAndWaitForDecisionAsync(reader, "The fluuubber in this story is excessive.", "held");
        Assert.Equal(["SUSPECT_WORD"], Codes(held));
    }

    [Fact]
    public async Task Decision_keeps_matched_terms_with_positions_scores_model_versions_and_phase_times()
    {
        var reader = stack.Api.CreateClientFor(TestData.NewUserId());
        const string body = "The minister talked utter bullshit today.";
        var id = await reader.PostAcceptedCommentAsync(TestData.NewArticleId(), body);
        await reader.WaitForStatusAsync(id, "held");

        await using var db = TestServices.CreateDbContext();
        var decision = await db.Decisions.SingleAsync(d => d.CommentId == id);
        Assert.Equal("system", decision.Actor);
        var match = Assert.Single(decision.Details.Matches);
        Assert.Equal("bullshit", body.Substring(match.Start, match.Length));
        Assert.Equal("suspect", match.List);
        Assert.True(decision.Details.Scores.ContainsKey("toxicity"));
        Assert.StartsWith("toxicity-", decision.Details.ModelVersions["toxicity"]);
        Assert.Equal(14, decision.Details.Phases.Count);
    }

    [Fact]
    public async Task Banned_and_suspended_authors_are_refused_by_the_api_and_by_the_pipeline()
    {
        var banned = TestData.NewUserId();
        var suspended = TestData.NewUserId();
        var bannedLater = TestData.NewUserId();
        await using (var db = TestServices.CreateDbContext())
        {
            db.UserStandings.Add(new UserStanding { UserId = banned, Status = UserStatus.Banned, UpdatedAt = DateTimeOffset.UtcNow });
            db.UserStandings.Add(new UserStanding { UserId = suspended, Status = UserStatus.Suspended, SuspendedUntil = DateTimeOffset.UtcNow.AddDays(3), UpdatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }
        await stack.Api.RefreshStandingsAsync();

        await ProblemAssert.IsProblemAsync(await stack.Api.CreateClientFor(banned).PostCommentAsync(TestData.NewArticleId(), "Let me in."), HttpStatusCode.Forbidden);
        var refused = await stack.Api.CreateClientFor(suspended).PostCommentAsync(TestData.NewArticleId(), "Still here.");
        Assert.Contains("suspendedUntil", await refused.Content.ReadAsStringAsync());
        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Forbidden);

        // Banned after the API accepted the comment: the pipeline's author-status phase rejects it.
        var author = stack.Api.CreateClientFor(bannedLater);
        await stack.StopWorkerAsync();
        Guid id;
        try
        {
            id = await author.PostAcceptedCommentAsync(TestData.NewArticleId(), "Posted just before the ban.");
            await using var db = TestServices.CreateDbContext();
            db.UserStandings.Add(new UserStanding { UserId = bannedLater, Status = UserStatus.Banned, UpdatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }
        finally
        {
            await stack.StartWorkerAsync();
        }
        var rejected = await author.WaitForStatusAsync(id, "rejected");
        Assert.Equal(["AUTHOR_BANNED"], Codes(rejected!.Value));
    }

    [Fact]
    public async Task Moderator_is_approved_without_filters()
    {
        var moderator = stack.Api.CreateClientFor(TestData.NewUserId("moderator"), "Mod", "moderator");

        await PostAndWaitForDecisionAsync(moderator, "Quoting the reader who wrote 'fuck the council' before we removed it.", "approved");
    }

    [Fact]
    public async Task Links_repeats_and_recent_history_use_the_authors_stored_comments()
    {
        var newcomer = stack.Api.CreateClientFor(TestData.NewUserId());
        var link = await PostAndWaitForDecisionAsync(newcomer, "The ruling is at https://courts.example.org/ruling.pdf", "held");
        Assert.Contains("LINKS", Codes(link));

        var repeater = stack.Api.CreateClientFor(TestData.NewUserId());
        await PostAndWaitForDecisionAsync(repeater, "Well said, councillor.", "approved");
        var repeat = await PostAndWaitForDecisionAsync(repeater, "Well said, councillor.", "held");
        Assert.Equal(["REPEAT_POST"], Codes(repeat));

        var troublemaker = TestData.NewUserId();
        await SeedDecidedCommentsAsync(troublemaker, approved: 3, rejected: 2);
        var history = await PostAndWaitForDecisionAsync(stack.Api.CreateClientFor(troublemaker), "A perfectly polite remark.", "held");
        Assert.Equal(["RECENT_HISTORY"], Codes(history));
    }

    [Fact]
    public async Task Draft_check_returns_warnings_without_scores()
    {
        var reader = stack.Api.CreateClientFor(TestData.NewUserId());

        var banned = await reader.PostAsJsonAsync("/api/comments/check", new { body = "What a fucking joke" });
        var clean = await reader.PostAsJsonAsync("/api/comments/check", new { body = "The bombing of the port killed dozens of civilians." });
        var toxic = await reader.PostAsJsonAsync("/api/comments/check", new { body = "Shut up you brainless idiot, people like you deserve a beating." });

        var bannedWarnings = (await banned.Content.ReadFromJsonAsync<JsonElement>(TestData.Json)).GetProperty("warnings");
        Assert.Contains(bannedWarnings.EnumerateArray(), w => w.GetProperty("code").GetString() == "BANNED_WORD"
            && w.GetProperty("terms")[0].GetString() == "fucking");
        Assert.Empty((await clean.Content.ReadFromJsonAsync<JsonElement>(TestData.Json)).GetProperty("warnings").EnumerateArray());
        var toxicBody = await toxic.Content.ReadAsStringAsync();
        Assert.Contains("TOXIC", toxicBody);
        Assert.DoesNotContain("score", toxicBody, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Unauthorized, (await stack.Api.CreateClient().PostAsJsonAsync("/api/comments/check", new { body = "x" })).StatusCode);
        await ProblemAssert.IsProblemAsync(await reader.PostAsJsonAsync("/api/comments/check", new { body = " " }), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_threat_is_held_under_its_own_code_the_author_reads_why_and_the_draft_check_warns_first()
    {
        var reader = stack.Api.CreateClientFor(TestData.NewUserId());
        const string body = "Keep writing this rubbish and see what happens to you. We know where the newsroom is.";

        var draft = await (await reader.PostAsJsonAsync("/api/comments/check", new { body })).Content.ReadFromJsonAsync<JsonElement>(TestData.Json);
        Assert.Contains(draft.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("code").GetString() == "THREAT");
        var id = await reader.PostAcceptedCommentAsync(TestData.NewArticleId(), body);
        var held = await reader.WaitForStatusAsync(id, "held");

        var reason = held!.Value.GetProperty("reasons").EnumerateArray().Single(r => r.GetProperty("code").GetString() == "THREAT");
        Assert.Equal("held for review: it may read as a threat against someone", reason.GetProperty("message").GetString());
        await using var db = TestServices.CreateDbContext();
        var decision = await db.Decisions.SingleAsync(d => d.CommentId == id);
        Assert.Contains("THREAT", decision.ReasonCodes);
        Assert.Contains(decision.Details.Reasons, r => r.Code == "THREAT" && r.Phase == "harms" && r.Detail == "see what happens to you");
    }

    [Fact]
    public async Task Settings_endpoints_are_closed_to_readers_and_refuse_bad_values()
    {
        var reader = stack.Api.CreateClientFor(TestData.NewUserId());

        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync("/api/moderation/settings")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PutAsJsonAsync("/api/moderation/wordlists/banned", new { entries = Array.Empty<string>() })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await stack.Api.CreateClient().GetAsync("/api/moderation/settings")).StatusCode);
        await ProblemAssert.IsProblemAsync(await Site.Moderator.PutAsJsonAsync(SettingsUrl, new { toxicityHoldThreshold = 1.5 }), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(await Site.Moderator.PutAsJsonAsync(SettingsUrl, new { minLength = 50, maxLength = 10 }), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(await Site.Moderator.GetAsync($"/api/moderation/wordlists/nice?siteId={Site.SiteId}"), HttpStatusCode.BadRequest);
        var admin = stack.Api.CreateClientFor(TestData.NewUserId("admin"), "Ad Min", "admin");
        var settings = await admin.GetFromJsonAsync<JsonElement>("/api/moderation/settings", TestData.Json);
        Assert.InRange(settings.GetProperty("effective").GetProperty("toxicityHold").GetDouble(), 0.01, 0.999);
    }

    private static async Task SeedDecidedCommentsAsync(string authorId, int approved, int rejected)
    {
        await using var db = TestServices.CreateDbContext();
        var now = DateTimeOffset.UtcNow.AddHours(-1);
        foreach (var status in Enumerable.Repeat(Storage.Comments.CommentStatus.Approved, approved).Concat(Enumerable.Repeat(Storage.Comments.CommentStatus.Rejected, rejected)))
        {
            db.Comments.Add(new Storage.Comments.Comment
            {
                Id = Guid.CreateVersion7(), ArticleId = "seeded", AuthorId = authorId, AuthorName = "seeded", Body = $"seeded {Guid.NewGuid()}",
                Status = status, CreatedAt = now, UpdatedAt = now,
            });
        }
        await db.SaveChangesAsync();
    }
}
