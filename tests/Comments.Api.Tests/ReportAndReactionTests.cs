using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comments.Contracts;
using Comments.Storage.Reports;
using Comments.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Comments.Api.Tests;

[Collection(StackCollection.Name)]
public sealed class ReportAndReactionTests(CommentsStack stack)
{
    private async Task<(string ArticleId, Guid Id, HttpClient Author)> PublishedCommentAsync()
    {
        var articleId = TestData.NewArticleId();
        var author = stack.Api.CreateClientFor(TestData.NewUserId());
        var id = await author.PostAcceptedCommentAsync(articleId, "An opinion some readers will dislike.");
        await author.WaitForStatusAsync(id, "approved");
        return (articleId, id, author);
    }

    private static Task<HttpResponseMessage> ReportAsync(HttpClient client, Guid id, string reason = "abusive", string? details = null) =>
        client.PostAsJsonAsync($"/api/comments/{id}/reports", new { reason, details });

    [Fact]
    public async Task One_report_per_reader_none_on_ones_own_and_only_known_reasons()
    {
        var (_, id, author) = await PublishedCommentAsync();
        var reader = stack.Api.CreateClientFor(TestData.NewUserId());

        var first = await ReportAsync(reader, id, "off_topic", "Nothing to do with the article.");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await ProblemAssert.IsProblemAsync(await ReportAsync(reader, id), HttpStatusCode.Conflict);
        await ProblemAssert.IsProblemAsync(await ReportAsync(author, id), HttpStatusCode.Conflict);
        await ProblemAssert.IsProblemAsync(await ReportAsync(stack.Api.CreateClientFor(TestData.NewUserId()), id, "boring"), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(await ReportAsync(stack.Api.CreateClientFor(TestData.NewUserId()), id, "spam", new string('x', 501)), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(await ReportAsync(reader, Guid.NewGuid()), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await stack.Api.CreateClient().PostAsJsonAsync($"/api/comments/{id}/reports", new { reason = "spam" }), HttpStatusCode.Unauthorized);

        await using var db = TestServices.CreateDbContext();
        var report = await db.Reports.SingleAsync(r => r.CommentId == id);
        Assert.Equal(ReportReason.OffTopic, report.Reason);
        Assert.Equal(ReportStatus.Open, report.Status);
        Assert.Equal(1, (await db.Comments.SingleAsync(c => c.Id == id)).OpenReportCount);
    }

    [Fact]
    public async Task Three_ordinary_reports_hide_the_comment_from_the_public()
    {
        var (articleId, id, author) = await PublishedCommentAsync();
        await using var probe = await EventProbe.StartAsync<CommentEdited, CommentDeleted, CommentReported, ReactionChanged>(stack.Api.Services.GetRequiredService<IBus>());

        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await ReportAsync(stack.Api.CreateClientFor(TestData.NewUserId()), id)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await stack.Api.CreateClient().GetAsync($"/api/comments/{id}")).StatusCode);
        var third = await ReportAsync(stack.Api.CreateClientFor(TestData.NewUserId()), id, "harassment");
        Assert.True((await third.Content.ReadFromJsonAsync<JsonElement>(TestData.Json)).GetProperty("commentHidden").GetBoolean());

        Assert.Equal(HttpStatusCode.NotFound, (await stack.Api.CreateClient().GetAsync($"/api/comments/{id}")).StatusCode);
        var listing = await stack.Api.CreateClient().GetFromJsonAsync<JsonElement>($"/api/articles/{articleId}/comments", TestData.Json);
        Assert.Empty(listing.GetProperty("items").EnumerateArray());
        Assert.Equal(0, (await stack.Api.CreateClient().GetFromJsonAsync<JsonElement>($"/api/articles/{articleId}/stats", TestData.Json)).GetProperty("publishedCount").GetInt32());
        Assert.Equal("approved", (await author.GetCommentAsync(id))!.Value.GetProperty("status").GetString());
        var reported = await probe.WaitForAsync<CommentReported>(e => e.CommentId == id && e.Hidden);
        Assert.Equal("harassment", reported.Reason);
    }

    [Fact]
    public async Task A_trusted_reporter_weighs_more_and_a_new_report_after_review_reopens_the_comment()
    {
        var (_, id, _) = await PublishedCommentAsync();
        var trusted = TestData.NewUserId();
        await using (var db = TestServices.CreateDbContext())
        {
            db.ReporterTrust.Add(new ReporterTrust { UserId = trusted, Weight = ReporterTrust.MaxWeight });
            await db.SaveChangesAsync();
        }

        await ReportAsync(stack.Api.CreateClientFor(trusted), id);

        Assert.Equal(HttpStatusCode.NotFound, (await stack.Api.CreateClient().GetAsync($"/api/comments/{id}")).StatusCode);
    }

    [Fact]
    public void Reporter_weight_rises_with_upheld_reports_and_falls_with_dismissed_ones_within_bounds()
    {
        var trust = new ReporterTrust { UserId = "r" };

        for (var i = 0; i < 20; i++) trust.Record(upheld: true);
        Assert.Equal(ReporterTrust.MaxWeight, trust.Weight);
        for (var i = 0; i < 40; i++) trust.Record(upheld: false);
        Assert.Equal(ReporterTrust.MinWeight, trust.Weight);
        Assert.Equal((20, 40), (trust.Upheld, trust.Dismissed));
    }

    [Fact]
    public async Task Respect_toggles_once_per_reader_and_shows_in_listings()
    {
        var (articleId, id, _) = await PublishedCommentAsync();
        var reader = stack.Api.CreateClientFor(TestData.NewUserId());
        var other = stack.Api.CreateClientFor(TestData.NewUserId());
        await using var probe = await EventProbe.StartAsync<CommentEdited, CommentDeleted, CommentReported, ReactionChanged>(stack.Api.Services.GetRequiredService<IBus>());
        var url = $"/api/comments/{id}/reactions/respect";

        await reader.PutAsync(url, null);
        var twice = await reader.PutAsync(url, null);
        var fromOther = await other.PutAsync(url, null);
        Assert.Equal(1, (await twice.Content.ReadFromJsonAsync<JsonElement>(TestData.Json)).GetProperty("respectCount").GetInt32());
        Assert.Equal(2, (await fromOther.Content.ReadFromJsonAsync<JsonElement>(TestData.Json)).GetProperty("respectCount").GetInt32());

        await reader.DeleteAsync(url);
        var again = await reader.DeleteAsync(url);
        Assert.Equal(1, (await again.Content.ReadFromJsonAsync<JsonElement>(TestData.Json)).GetProperty("respectCount").GetInt32());
        var listing = await stack.Api.CreateClient().GetFromJsonAsync<JsonElement>($"/api/articles/{articleId}/comments", TestData.Json);
        Assert.Equal(1, listing.GetProperty("items")[0].GetProperty("respectCount").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await reader.PutAsync($"/api/comments/{Guid.NewGuid()}/reactions/respect", null)).StatusCode);
        await probe.WaitForAsync<ReactionChanged>(e => e.CommentId == id && !e.Added && e.Count == 1);
    }

    [Fact]
    public async Task Deleting_publishes_an_event()
    {
        var (_, id, author) = await PublishedCommentAsync();
        await using var probe = await EventProbe.StartAsync<CommentEdited, CommentDeleted, CommentReported, ReactionChanged>(stack.Api.Services.GetRequiredService<IBus>());

        await author.DeleteAsync($"/api/comments/{id}");

        await probe.WaitForAsync<CommentDeleted>(e => e.CommentId == id);
    }

    [Theory]
    [InlineData("ban")]
    [InlineData("suspend")]
    public async Task A_banned_or_suspended_reader_can_neither_report_nor_react_and_adds_no_weight(string action)
    {
        var (_, id, _) = await PublishedCommentAsync();
        var userId = TestData.NewUserId();
        var reader = stack.Api.CreateClientFor(userId);
        var moderator = stack.Api.CreateClientFor(TestData.NewUserId("moderator"), "Mo", "moderator");
        Assert.Equal(HttpStatusCode.OK, (await moderator.PostAsJsonAsync($"/api/moderation/users/{userId}/{action}", new { reason = "abuse", duration = "3h" })).StatusCode);

        await ProblemAssert.IsProblemAsync(await ReportAsync(reader, id), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await reader.PutAsync($"/api/comments/{id}/reactions/respect", null), HttpStatusCode.Forbidden);

        await using var db = TestServices.CreateDbContext();
        Assert.False(await db.Reports.AnyAsync(r => r.CommentId == id), "no report is stored for a refused reader");
        var counts = await db.Comments.Where(c => c.Id == id).Select(c => new { c.OpenReportCount, c.ReportWeight, c.RespectCount }).SingleAsync();
        Assert.Equal((0, 0.0, 0), (counts.OpenReportCount, counts.ReportWeight, counts.RespectCount));
    }
}
