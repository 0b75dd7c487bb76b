using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comments.Storage;
using Comments.Storage.Comments;
using Comments.Storage.Legal;
using Comments.Testing;
using Microsoft.EntityFrameworkCore;
using static Comments.Api.Tests.LegalNoticeTests;

namespace Comments.Api.Tests;

/// <summary>Issue 21, articles 16 and 23: the legal queue, its decisions and what they change, and suspending a notifier of unfounded notices.</summary>
[Collection(StackCollection.Name)]
public sealed class LegalQueueTests(CommentsStack stack)
{
    private HttpClient Moderator => stack.Api.CreateClientFor(TestData.NewUserId("moderator"), "Mo Derator", "moderator");

    private static Task<HttpResponseMessage> DecideAsync(HttpClient client, Guid noticeId, object decision) =>
        client.PostAsJsonAsync($"/api/moderation/legal/notices/{noticeId}/decision", decision);

    private static async Task<LegalNotice> NoticeAsync(string reference)
    {
        await using var db = TestServices.CreateDbContext();
        return await db.LegalNotices.AsNoTracking().SingleAsync(n => n.Reference == reference);
    }

    [Fact]
    public async Task The_queue_shows_open_notices_overdue_first_with_the_comment_category_explanation_and_due_state()
    {
        var commentId = await SeedCommentAsync();
        var reference = await SendAsync(stack.Api.CreateClient(), commentId, Notice(NewEmail()));
        await using (var db = TestServices.CreateDbContext())
        {
            // Long overdue: nothing in the queue can be due earlier.
            await db.LegalNotices.Where(n => n.Reference == reference).ExecuteUpdateAsync(n => n.SetProperty(x => x.DueAt, DateTimeOffset.UtcNow.AddYears(-20)));
        }

        var queue = await Moderator.GetFromJsonAsync<JsonElement>("/api/moderation/legal/notices?limit=100", TestData.Json);

        var first = queue[0];
        Assert.Equal(reference, first.GetProperty("reference").GetString());
        Assert.Equal("overdue", first.GetProperty("due").GetString());
        Assert.Equal("hate_speech", first.GetProperty("category").GetString());
        Assert.Equal(Explanation, first.GetProperty("explanation").GetString());
        Assert.Equal(commentId, first.GetProperty("comment").GetProperty("id").GetGuid());
        Assert.Equal("approved", first.GetProperty("comment").GetProperty("state").GetString());
        var dues = queue.EnumerateArray().Select(i => i.GetProperty("dueAt").GetDateTimeOffset()).ToList();
        Assert.Equal(dues.Order(), dues);
    }

    [Fact]
    public async Task Readers_support_staff_and_anonymous_callers_cannot_see_or_decide_notices_and_nothing_changes()
    {
        var commentId = await SeedCommentAsync();
        var reference = await SendAsync(stack.Api.CreateClient(), commentId, Notice(NewEmail()));
        var notice = await NoticeAsync(reference);
        var reader = stack.Api.CreateClientFor(TestData.NewUserId());
        var support = stack.Api.CreateClientFor(TestData.NewUserId("support"), "Sam", "support");
        var decision = new { outcome = "removed", reason = "Incitement to violence." };

        Assert.Equal(HttpStatusCode.Forbidden, (await DecideAsync(reader, notice.Id, decision)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await DecideAsync(support, notice.Id, decision)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await DecideAsync(stack.Api.CreateClient(), notice.Id, decision)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync("/api/moderation/legal/notices")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsJsonAsync($"/api/moderation/legal/notices/{notice.Id}/notifier-suspension", new { days = 30, reason = "x" })).StatusCode);

        Assert.Null((await NoticeAsync(reference)).Outcome);
        Assert.NotNull(await stack.Api.CreateClient().GetCommentAsync(commentId));
    }

    [Theory]
    [InlineData("removed", Restriction.CommentRemoved)]
    [InlineData("restricted", Restriction.CommentRestricted)]
    public async Task Removing_or_restricting_takes_the_comment_out_of_view_with_a_decision_a_statement_an_audit_entry_and_a_mail_to_each_notifier(
        string outcome, Restriction restriction)
    {
        var commentId = await SeedCommentAsync();
        var (firstEmail, secondEmail) = (NewEmail(), NewEmail());
        var first = await SendAsync(stack.Api.CreateClient(), commentId, Notice(firstEmail));
        var second = await SendAsync(stack.Api.CreateClient(), commentId, Notice(secondEmail, "terrorist_content"));
        var moderatorId = TestData.NewUserId("moderator");
        var moderator = stack.Api.CreateClientFor(moderatorId, "Mo", "moderator");

        var response = await DecideAsync(moderator, (await NoticeAsync(first)).Id,
            new { outcome, reason = "It calls for violence against a group (section 130).", alsoDecideOthers = true });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(await stack.Api.CreateClient().GetCommentAsync(commentId));
        await using var db = TestServices.CreateDbContext();
        var comment = await db.Comments.AsNoTracking().SingleAsync(c => c.Id == commentId);
        Assert.Equal(CommentStatus.Rejected, comment.Status);
        var decision = await db.Decisions.AsNoTracking().SingleAsync(d => d.CommentId == commentId);
        Assert.Equal(["ILLEGAL_CONTENT"], decision.ReasonCodes);
        Assert.Equal(moderatorId, decision.Actor);
        var statement = await db.StatementsOfReasons.AsNoTracking().SingleAsync(s => s.CommentId == commentId);
        var notice = await NoticeAsync(first);
        Assert.Equal((restriction, decision.Id, (Guid?)notice.Id, DecisionGround.IllegalContent, "hate_speech", AutomationUse.None, comment.AuthorId),
            (statement.Restriction, statement.DecisionId!.Value, statement.NoticeId, statement.Ground, statement.GroundDetail, statement.Automation, statement.UserId));
        Assert.Matches("^SR-", statement.Reference);
        var other = await NoticeAsync(second);
        Assert.Equal((outcome, outcome), (notice.Outcome!.Value.WireName(), other.Outcome!.Value.WireName()));
        Assert.Equal(notice.OutcomeReason, other.OutcomeReason);
        foreach (var (email, reference) in new[] { (firstEmail, first), (secondEmail, second) })
        {
            var mail = await db.OutgoingMail.SingleAsync(m => m.To == email && m.Subject == $"Decision on your notice {reference}");
            Assert.Contains("It calls for violence against a group (section 130).", mail.Body);
        }
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == "decide_notice" && (a.TargetId == notice.Id.ToString() || a.TargetId == other.Id.ToString())));

        // The author reads the ground in words, as the notice form names it, not the code.
        var view = Assert.Single(await stack.Api.CreateClientFor(comment.AuthorId).StatementsAsync());
        Assert.Contains("Illegal hate speech or incitement to violence", view.GetProperty("groundText").GetString());
        Assert.DoesNotContain("hate_speech", view.GetProperty("groundText").GetString());

        var again = await DecideAsync(moderator, notice.Id, new { outcome = "no_action", reason = "Second thoughts." });
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_second_notice_removed_on_a_comment_already_removed_records_only_its_outcome_with_no_second_decision_or_statement()
    {
        var commentId = await SeedCommentAsync();
        var (first, second) = (await SendAsync(stack.Api.CreateClient(), commentId, Notice(NewEmail())), await SendAsync(stack.Api.CreateClient(), commentId, Notice(NewEmail())));
        Assert.Equal(HttpStatusCode.OK, (await DecideAsync(Moderator, (await NoticeAsync(first)).Id, new { outcome = "removed", reason = "Incitement." })).StatusCode);

        var response = await DecideAsync(Moderator, (await NoticeAsync(second)).Id, new { outcome = "restricted", reason = "Incitement, as the first notice said." });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("restricted", (await NoticeAsync(second)).Outcome!.Value.WireName());
        await using var db = TestServices.CreateDbContext();
        Assert.Equal(1, await db.Decisions.CountAsync(d => d.CommentId == commentId));
        Assert.Equal(1, await db.StatementsOfReasons.CountAsync(s => s.CommentId == commentId));
        Assert.Equal(CommentStatus.Rejected, (await db.Comments.AsNoTracking().SingleAsync(c => c.Id == commentId)).Status);
    }

    [Fact]
    public async Task Removing_a_comment_deleted_or_under_appeal_since_the_notice_is_refused_saying_which_and_changes_nothing()
    {
        foreach (var (appeal, expected) in new[] { (true, "open appeal"), (false, "deleted") })
        {
            var commentId = await SeedCommentAsync();
            var reference = await SendAsync(stack.Api.CreateClient(), commentId, Notice(NewEmail()));
            await using (var db = TestServices.CreateDbContext())
            {
                var comment = await db.Comments.SingleAsync(c => c.Id == commentId);
                comment.AppealHelpRequestId = appeal ? Guid.CreateVersion7() : null;
                comment.DeletedAt = appeal ? null : DateTimeOffset.UtcNow;
                await db.SaveChangesAsync();
            }

            var response = await DecideAsync(Moderator, (await NoticeAsync(reference)).Id, new { outcome = "removed", reason = "Incitement." });

            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
            Assert.Contains(expected, await response.Content.ReadAsStringAsync());
            Assert.Null((await NoticeAsync(reference)).Outcome);
            await using var after = TestServices.CreateDbContext();
            Assert.False(await after.Decisions.AnyAsync(d => d.CommentId == commentId), expected);
        }
    }

    [Fact]
    public async Task Deciding_one_notice_alone_leaves_the_comments_other_notices_in_the_queue()
    {
        var commentId = await SeedCommentAsync();
        var first = await SendAsync(stack.Api.CreateClient(), commentId, Notice(NewEmail()));
        var second = await SendAsync(stack.Api.CreateClient(), commentId, Notice(NewEmail()));

        var response = await DecideAsync(Moderator, (await NoticeAsync(first)).Id, new { outcome = "no_action", reason = "Sharp, but lawful criticism." });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null((await NoticeAsync(second)).Outcome);
        Assert.NotNull(await stack.Api.CreateClient().GetCommentAsync(commentId));
    }

    [Fact]
    public async Task A_decision_without_a_reason_or_with_an_unknown_outcome_or_unfounded_with_a_removal_changes_nothing()
    {
        var commentId = await SeedCommentAsync();
        var reference = await SendAsync(stack.Api.CreateClient(), commentId, Notice(NewEmail()));
        var id = (await NoticeAsync(reference)).Id;

        foreach (var decision in new object[]
        {
            new { outcome = "removed" }, new { outcome = "delete_everything", reason = "x" }, new { outcome = "removed", reason = "x", manifestlyUnfounded = true },
            new { outcome = "removed", reason = new string('r', 2_001) },
        })
        {
            await ProblemAssert.IsProblemAsync(await DecideAsync(Moderator, id, decision), HttpStatusCode.BadRequest);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await DecideAsync(Moderator, Guid.NewGuid(), new { outcome = "removed", reason = "x" })).StatusCode);
        Assert.Null((await NoticeAsync(reference)).Outcome);
        Assert.NotNull(await stack.Api.CreateClient().GetCommentAsync(commentId));
    }

    [Fact]
    public async Task A_notifier_of_manifestly_unfounded_notices_is_warned_then_suspended_and_cannot_step_round_it_by_spelling_their_address_differently()
    {
        var local = $"flooder-{Guid.NewGuid():N}";
        var email = $"{local}@example.org";
        var moderator = Moderator;
        var references = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var reference = await SendAsync(stack.Api.CreateClient(), await SeedCommentAsync(), Notice(email));
            var notice = await NoticeAsync(reference);
            if (i == 0)
            {
                // Too early: one unfounded notice is not "frequently".
                await DecideAsync(moderator, notice.Id, new { outcome = "no_action", reason = "Nothing illegal in it.", manifestlyUnfounded = true });
                var early = await moderator.PostAsJsonAsync($"/api/moderation/legal/notices/{notice.Id}/notifier-suspension", new { days = 30, reason = "Floods the queue." });
                await ProblemAssert.IsProblemAsync(early, HttpStatusCode.Conflict);
                continue;
            }
            Assert.Equal(HttpStatusCode.OK, (await DecideAsync(moderator, notice.Id, new { outcome = "no_action", reason = "Nothing illegal in it.", manifestlyUnfounded = true })).StatusCode);
            references.Add(reference);
        }
        await using (var db = TestServices.CreateDbContext())
        {
            Assert.Equal(3, await db.OutgoingMail.CountAsync(m => m.To == email && m.Subject.EndsWith("was manifestly unfounded")));
        }
        var last = await NoticeAsync(references[^1]);

        var suspended = await moderator.PostAsJsonAsync($"/api/moderation/legal/notices/{last.Id}/notifier-suspension", new { days = 30, reason = "Three manifestly unfounded notices in a row." });

        Assert.Equal(HttpStatusCode.OK, suspended.StatusCode);
        var target = await SeedCommentAsync();
        foreach (var spelling in new[] { email, email.ToUpperInvariant(), $"  {email} ", $"{local}+again@EXAMPLE.org" })
        {
            var refused = await stack.Api.CreateClient().PostAsJsonAsync($"/api/comments/{target}/notices", Notice(spelling));
            await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Forbidden);
            Assert.Contains("not processed until", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        }
        await using var check = TestServices.CreateDbContext();
        Assert.False(await check.LegalNotices.AnyAsync(n => n.CommentId == target));
        var audit = await check.AuditEntries.AsNoTracking().Where(a => a.Action == "suspend_notifier").OrderByDescending(a => a.At).FirstAsync();
        Assert.Contains(last.Reference, audit.AfterJson);
        Assert.DoesNotContain(local, audit.AfterJson);
        // Someone else is not affected.
        await SendAsync(stack.Api.CreateClient(), target, Notice(NewEmail()));
    }

    [Fact]
    public async Task A_suspended_signed_in_notifier_is_refused_signed_out_with_their_address_too()
    {
        var userId = TestData.NewUserId("notifier");
        var email = $"{userId}@example.org";
        var reader = stack.Api.CreateClientFor(userId, "Reader");
        LegalNotice? last = null;
        for (var i = 0; i < 3; i++)
        {
            last = await NoticeAsync(await SendAsync(reader, await SeedCommentAsync(), Notice(email)));
            Assert.Equal(HttpStatusCode.OK, (await DecideAsync(Moderator, last.Id, new { outcome = "no_action", reason = "Lawful.", manifestlyUnfounded = true })).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await Moderator.PostAsJsonAsync($"/api/moderation/legal/notices/{last!.Id}/notifier-suspension", new { days = 7, reason = "Unfounded notices." })).StatusCode);

        var target = await SeedCommentAsync();
        await ProblemAssert.IsProblemAsync(await reader.PostAsJsonAsync($"/api/comments/{target}/notices", Notice(NewEmail())), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await stack.Api.CreateClient().PostAsJsonAsync($"/api/comments/{target}/notices", Notice(email.ToUpperInvariant())), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Anonymous_flooding_is_limited_per_client_address_and_per_notifier_address()
    {
        await using var narrow = new ApiFactory(new Dictionary<string, string?> { ["RateLimits:NoticesPerWindow"] = "2", ["RateLimits:NoticesWindowSeconds"] = "3600" });
        narrow.StartServer();
        var commentId = await SeedCommentAsync();
        var client = narrow.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await client.PostAsJsonAsync($"/api/comments/{commentId}/notices", Notice(NewEmail()))).StatusCode);
        }
        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], statuses);

        await using var perNotifier = new ApiFactory(new Dictionary<string, string?> { ["LegalNotices:MaxPerNotifierPerDay"] = "2" });
        perNotifier.StartServer();
        var email = NewEmail();
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add((await perNotifier.CreateClient().PostAsJsonAsync($"/api/comments/{await SeedCommentAsync()}/notices", Notice(email))).StatusCode);
        }
        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], answers);
    }
}
