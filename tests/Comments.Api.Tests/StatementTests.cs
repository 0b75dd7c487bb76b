using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comments.Testing;
using Microsoft.EntityFrameworkCore;

namespace Comments.Api.Tests;

/// <summary>Issue 21, Digital Services Act article 17: a statement of reasons for every hold, removal and account restriction.</summary>
[Collection(StackCollection.Name)]
public sealed class StatementTests(CommentsStack stack, SiteFixture other) : IClassFixture<SiteFixture>
{
    private const string Held = "The mayor talks utter bullshit about the flood money.";

    private HttpClient Moderator => stack.Api.CreateClientFor(TestData.NewUserId("moderator"), "M", "moderator");

    [Fact]
    public async Task A_pipeline_hold_then_a_moderators_removal_give_two_statements_with_facts_automation_ground_and_redress()
    {
        var reader = stack.Api.CreateClientFor(TestData.NewUserId(), "Ada Reader");
        var id = await reader.PostAcceptedCommentAsync(TestData.NewArticleId(), Held);
        await reader.WaitForStatusAsync(id, "held");
        var moderatorId = TestData.NewUserId("moderator");
        await stack.Api.CreateClientFor(moderatorId, "M", "moderator").DecideWithExplanationAsync(id, "reject", "OFFENSIVE", "Insults are not argument.");

        var statements = await reader.WaitForStatementsAsync(2, "the hold's and the removal's statements");

        var (removal, hold) = (statements[0], statements[1]);
        Assert.Equal(["comment_removed", "comment_held"], statements.Select(s => s.Str("restriction")));
        Assert.All(statements, s => Assert.Equal(id, s.GetProperty("commentId").GetGuid()));
        Assert.Equal("decision", hold.Str("automation"));
        Assert.Equal("detection", removal.Str("automation"));
        Assert.Equal("terms_of_service", hold.Str("ground"));
        Assert.NotEmpty(hold.GetProperty("facts").EnumerateArray());
        Assert.Equal("OFFENSIVE", removal.GetProperty("facts")[0].Str("code"));
        Assert.Equal("Insults are not argument.", removal.GetProperty("facts")[0].Str("message"));
        Assert.Matches("^SR-[2-9A-Z]{10}$", removal.Str("reference"));
        Assert.True(removal.GetProperty("canComplain").GetBoolean());
        Assert.Equal(removal.GetProperty("issuedAt").GetDateTimeOffset().AddMonths(6), removal.GetProperty("complaintsUntil").GetDateTimeOffset());
        Assert.Contains("out-of-court", removal.Str("redress"));
        Assert.DoesNotContain(moderatorId, statements.Select(s => s.GetRawText()).Aggregate(string.Concat));
        var single = await reader.GetFromJsonAsync<JsonElement>($"/api/me/statements/{removal.Id()}", TestData.Json);
        Assert.Equal(removal.Str("reference"), single.Str("reference"));
        // The removal is mailed through the digest (a notification); the hold is not.
        var told = await reader.WaitForNotificationsAsync("statement", 1, "the removal's notification");
        Assert.Contains(removal.Str("reference"), Assert.Single(told).Str("text"));
    }

    [Fact]
    public async Task The_statement_is_in_the_readers_language()
    {
        var reader = stack.Api.CreateClientFor(TestData.NewUserId());
        var id = await reader.PostPublishedAsync(TestData.NewArticleId(), "A comment a moderator will take down.");
        await Moderator.RejectAsync(id);
        var statement = Assert.Single(await reader.WaitForStatementsAsync(1, "the removal's statement"));

        using var german = new HttpRequestMessage(HttpMethod.Get, $"/api/me/statements/{statement.Id()}");
        german.Headers.AcceptLanguage.ParseAdd("de");
        var view = await (await reader.SendAsync(german)).Content.ReadFromJsonAsync<JsonElement>(TestData.Json);

        Assert.Equal("none", view.Str("automation"));
        Assert.StartsWith("Ihr Kommentar wurde entfernt", view.Str("summary"));
    }

    [Fact]
    public async Task Suspension_ban_and_premoderation_each_give_one_statement_and_a_repeat_or_a_warning_none()
    {
        var userId = TestData.NewUserId();
        var reader = stack.Api.CreateClientFor(userId);
        var moderator = Moderator;

        await moderator.ActOnUserAsync(userId, "warn");
        await moderator.ActOnUserAsync(userId, "suspend", "24h");
        await moderator.ActOnUserAsync(userId, "premod");
        await moderator.ActOnUserAsync(userId, "premod");
        await moderator.ActOnUserAsync(userId, "ban");

        var statements = await reader.StatementsAsync();
        Assert.Equal(["account_banned", "account_premoderated", "account_suspended"], statements.Select(s => s.Str("restriction")));
        Assert.All(statements, s => Assert.Equal("none", s.Str("automation")));
        Assert.Equal(JsonValueKind.Null, statements[2].GetProperty("commentId").ValueKind);
        Assert.Contains("UTC", statements[2].Str("summary"));
        Assert.Equal("AUTHOR_SUSPENDED", statements[2].GetProperty("facts")[0].Str("code"));
        Assert.Equal(3, (await reader.WaitForNotificationsAsync("statement", 3, "three account notifications")).Count);
    }

    [Fact]
    public async Task A_ban_that_rejects_the_readers_comments_writes_a_statement_for_each_and_tells_them_once()
    {
        var userId = TestData.NewUserId();
        var reader = stack.Api.CreateClientFor(userId);
        var first = await reader.PostPublishedAsync(TestData.NewArticleId(), "First of two comments before the ban.");
        var second = await reader.PostPublishedAsync(TestData.NewArticleId(), "Second of two comments before the ban.");

        var response = await Moderator.PostAsJsonAsync($"/api/moderation/users/{userId}/ban", new { reason = "Spam account.", rejectComments = true });
        response.EnsureSuccessStatusCode();

        var statements = await reader.StatementsAsync();
        Assert.Equal(3, statements.Count);
        Assert.Equal([first, second], statements.Where(s => s.Str("restriction") == "comment_removed").Select(s => s.GetProperty("commentId").GetGuid()).Order());
        Assert.Single((await reader.NotificationsAsync()).GetProperty("items").EnumerateArray(), n => n.Str("kind") == "statement");
    }

    [Fact]
    public async Task Another_reader_or_the_same_user_id_on_another_site_gets_404_for_a_statement_and_its_complaint()
    {
        var victimId = TestData.NewUserId();
        var victim = stack.Api.CreateClientFor(victimId);
        var id = await victim.PostPublishedAsync(TestData.NewArticleId(), "A comment a moderator will take down.");
        await Moderator.RejectAsync(id);
        var statement = Assert.Single(await victim.WaitForStatementsAsync(1, "the victim's statement")).Id();

        foreach (var attacker in new[] { stack.Api.CreateClientFor(TestData.NewUserId("attacker")), other.Api.CreateClientFor(victimId) })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await attacker.GetAsync($"/api/me/statements/{statement}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await attacker.ComplainAsync(statement)).StatusCode);
            Assert.DoesNotContain(statement.ToString(), await attacker.GetStringAsync("/api/me/statements?userId=" + victimId));
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await stack.Api.CreateClient().GetAsync("/api/me/statements")).StatusCode);
        await using var db = TestServices.CreateDbContext();
        Assert.False(await db.Complaints.AnyAsync(c => c.StatementId == statement));
    }

    [Fact]
    public async Task Statements_page_by_cursor_newest_first()
    {
        var userId = TestData.NewUserId();
        var reader = stack.Api.CreateClientFor(userId);
        var moderator = Moderator;
        foreach (var action in new[] { "suspend", "premod", "ban" })
        {
            await moderator.ActOnUserAsync(userId, action, "1h");
        }
        var all = (await reader.StatementsAsync()).Select(s => s.Id()).ToList();

        Assert.Equal(all, await reader.AllPagesAsync("/api/me/statements?x=1", limit: 2));
        await ProblemAssert.IsProblemAsync(await reader.GetAsync("/api/me/statements?cursor=not-a-cursor"), HttpStatusCode.BadRequest);
    }
}
