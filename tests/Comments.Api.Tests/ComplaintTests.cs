using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comments.Api.Observability;
using Comments.Storage.Comments;
using Comments.Storage.Legal;
using Comments.Storage.Support;
using Comments.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace Comments.Api.Tests;

/// <summary>Issue 21, Digital Services Act article 20: complaints against statements of reasons, through the help desk's appeal path.</summary>
[Collection(StackCollection.Name)]
public sealed class ComplaintTests(CommentsStack stack)
{
    private HttpClient Moderator => stack.Api.CreateClientFor(TestData.NewUserId("moderator"), "M", "moderator");

    private async Task<(HttpClient Reader, Guid CommentId, JsonElement Statement)> RemovedAsync()
    {
        var reader = stack.Api.CreateClientFor(TestData.NewUserId());
        var id = await reader.PostPublishedAsync(TestData.NewArticleId(), "The council hid the flood report from us all.");
        await Moderator.RejectAsync(id);
        return (reader, id, Assert.Single(await reader.WaitForStatementsAsync(1, "the removal's statement")));
    }

    [Fact]
    public async Task A_complaint_escalates_a_help_request_naming_the_statement_and_a_reversal_reaches_the_author_and_the_metric()
    {
        var meters = stack.Api.Services.GetRequiredService<IMeterFactory>();
        using var decided = new MetricCollector<long>(meters, IntakeMetrics.MeterName, "comments.complaints.decided");
        var (reader, commentId, statement) = await RemovedAsync();

        var response = await reader.ComplainAsync(statement.Id());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var filed = await response.Content.ReadFromJsonAsync<JsonElement>(TestData.Json);
        await using (var db = TestServices.CreateDbContext())
        {
            var request = await db.HelpRequests.SingleAsync(r => r.Id == filed.GetProperty("helpRequestId").GetGuid());
            Assert.True(request.Escalated);
            Assert.Equal(HelpRequestCategory.CommentRemoved, request.Category);
            Assert.StartsWith(statement.Str("reference"), request.Message);
            var comment = await db.Comments.SingleAsync(c => c.Id == commentId);
            Assert.Equal((CommentStatus.Held, (Guid?)request.Id), (comment.Status, comment.AppealHelpRequestId));
        }
        Assert.False((await reader.StatementsAsync())[0].GetProperty("canComplain").GetBoolean());

        await Moderator.ApproveAsync(commentId);

        var view = await reader.GetFromJsonAsync<JsonElement>($"/api/me/statements/{statement.Id()}", TestData.Json);
        Assert.Equal("reversed", view.GetProperty("complaint").Str("outcome"));
        await using (var db = TestServices.CreateDbContext())
        {
            var complaint = await db.Complaints.SingleAsync(c => c.StatementId == statement.Id());
            Assert.Equal(ComplaintOutcome.Reversed, complaint.Outcome);
            Assert.NotNull(complaint.DecidedBy);
            var request = await db.HelpRequests.SingleAsync(r => r.Id == complaint.HelpRequestId);
            Assert.Equal((HelpRequestStatus.Resolved, "A moderator reviewed your appeal and published the comment again."), (request.Status, request.Outcome));
        }
        var told = Assert.Single(await reader.WaitForNotificationsAsync("complaint_decided", 1, "the complaint's outcome notification"));
        Assert.Contains("reversed", told.Str("text"));
        var measurement = Assert.Single(decided.GetMeasurementSnapshot());
        Assert.Equal("reversed", measurement.Tags["outcome"]);
    }

    [Fact]
    public async Task An_upheld_complaint_records_the_reason_and_opens_no_second_statement_and_a_second_complaint_is_refused()
    {
        var (reader, commentId, statement) = await RemovedAsync();
        Assert.Equal(HttpStatusCode.Created, (await reader.ComplainAsync(statement.Id())).StatusCode);
        await ProblemAssert.IsProblemAsync(await reader.ComplainAsync(statement.Id(), "Again, louder."), HttpStatusCode.Conflict);

        await Moderator.DecideWithExplanationAsync(commentId, "reject", "OFFENSIVE", "The quote was not the mayor's.");

        var statements = await reader.StatementsAsync();
        var view = Assert.Single(statements);
        Assert.Equal("upheld", view.GetProperty("complaint").Str("outcome"));
        Assert.Equal("The quote was not the mayor's.", view.GetProperty("complaint").Str("outcomeReason"));
        await ProblemAssert.IsProblemAsync(await reader.ComplainAsync(statement.Id()), HttpStatusCode.Conflict);
        await using var db = TestServices.CreateDbContext();
        Assert.Equal(1, await db.Complaints.CountAsync(c => c.StatementId == statement.Id()));
    }

    [Fact]
    public async Task A_complaint_about_a_comment_already_restored_or_deleted_or_after_six_months_is_refused_and_changes_nothing()
    {
        var (restoredReader, restored, restoredStatement) = await RemovedAsync();
        await Moderator.ApproveAsync(restored);
        var (deletedReader, deleted, deletedStatement) = await RemovedAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await deletedReader.DeleteAsync($"/api/comments/{deleted}")).StatusCode);
        var (lateReader, _, lateStatement) = await RemovedAsync();
        await using (var db = TestServices.CreateDbContext())
        {
            await db.StatementsOfReasons.Where(s => s.Id == lateStatement.Id())
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.IssuedAt, DateTimeOffset.UtcNow.AddMonths(-6).AddMinutes(-1)));
        }

        await ProblemAssert.IsProblemAsync(await restoredReader.ComplainAsync(restoredStatement.Id()), HttpStatusCode.Conflict);
        await ProblemAssert.IsProblemAsync(await deletedReader.ComplainAsync(deletedStatement.Id()), HttpStatusCode.Conflict);
        await ProblemAssert.IsProblemAsync(await lateReader.ComplainAsync(lateStatement.Id()), HttpStatusCode.Conflict);
        Assert.False((await lateReader.StatementsAsync())[0].GetProperty("canComplain").GetBoolean());
        await ProblemAssert.IsProblemAsync(await lateReader.ComplainAsync(lateStatement.Id(), "   "), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(await lateReader.ComplainAsync(lateStatement.Id(), new string('x', 4001)), HttpStatusCode.BadRequest);

        await using var check = TestServices.CreateDbContext();
        Guid[] ids = [restoredStatement.Id(), deletedStatement.Id(), lateStatement.Id()];
        Assert.False(await check.Complaints.AnyAsync(c => ids.Contains(c.StatementId)));
        Assert.Equal(CommentStatus.Approved, (await check.Comments.SingleAsync(c => c.Id == restored)).Status);
    }

    [Fact]
    public async Task An_account_complaint_goes_to_the_users_appeals_and_a_restore_reverses_it()
    {
        var (userId, reader, moderator, statement) = await SuspendedAndComplainedAsync();
        var user = await moderator.GetFromJsonAsync<JsonElement>($"/api/moderation/users/{userId}", TestData.Json);
        Assert.Single(user.GetProperty("appeals").EnumerateArray());

        await moderator.ActOnUserAsync(userId, "restore", reason: "Quoting is fine.");

        var view = Assert.Single(await reader.StatementsAsync());
        Assert.Equal("reversed", view.GetProperty("complaint").Str("outcome"));
        Assert.Equal("Quoting is fine.", view.GetProperty("complaint").Str("outcomeReason"));
        await using var db = TestServices.CreateDbContext();
        var complaint = await db.Complaints.SingleAsync(c => c.StatementId == statement.Id());
        Assert.Equal(HelpRequestCategory.BannedOrSuspended, (await db.HelpRequests.SingleAsync(r => r.Id == complaint.HelpRequestId)).Category);
    }

    [Fact]
    public async Task A_suspension_upheld_on_complaint_writes_no_new_statement()
    {
        var (userId, reader, moderator, _) = await SuspendedAndComplainedAsync();

        await moderator.ActOnUserAsync(userId, "suspend", "3d");

        var view = Assert.Single(await reader.StatementsAsync());
        Assert.Equal("upheld", view.GetProperty("complaint").Str("outcome"));
    }

    private async Task<(string UserId, HttpClient Reader, HttpClient Moderator, JsonElement Statement)> SuspendedAndComplainedAsync()
    {
        var userId = TestData.NewUserId();
        var reader = stack.Api.CreateClientFor(userId);
        var moderator = Moderator;
        await moderator.ActOnUserAsync(userId, "suspend", "7d");
        var statement = Assert.Single(await reader.StatementsAsync());
        Assert.Equal(HttpStatusCode.Created, (await reader.ComplainAsync(statement.Id(), "I was quoting someone else.")).StatusCode);
        return (userId, reader, moderator, statement);
    }
}
