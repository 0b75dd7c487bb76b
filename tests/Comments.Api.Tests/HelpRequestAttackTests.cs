using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Comments.Contracts;
using Comments.Storage.Support;
using Comments.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Comments.Api.Tests;

/// <summary>Issue 17, parts 2 and 3: what a reader tells support stays theirs, and an appeal is only for one's own comment.</summary>
[Collection(StackCollection.Name)]
public sealed class HelpRequestAttackTests(CommentsStack stack)
{
    private HttpClient Support => stack.Api.CreateClientFor(TestData.NewUserId("support"), "Sam Support", "support");

    private static async Task<JsonElement> SubmitAsync(HttpClient client, object request)
    {
        var response = await client.PostAsJsonAsync("/api/help-requests", request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestData.Json);
    }

    private Task<JsonElement> TriagedAsync(Guid id) => Support.WaitForTriagedAsync(id);

    [Fact]
    public async Task A_request_that_gives_someone_elses_email_is_not_linked_to_theirs_and_their_thread_stays_unreadable()
    {
        var victimEmail = $"victim-{Guid.NewGuid():N}@example.org";
        var victim = await SubmitAsync(stack.Api.CreateClient(), new { email = victimEmail, category = "account_or_login", message = "I cannot sign in since my address changed." });
        var victimId = victim.GetProperty("id").GetGuid();
        var victimReference = victim.GetProperty("reference").GetString()!;
        await TriagedAsync(victimId);
        Assert.Equal(HttpStatusCode.Created, (await Support.PostAsJsonAsync($"/api/support/help-requests/{victimId}/replies", new { body = "Your new address is victim-new@example.org." })).StatusCode);

        var attacker = stack.Api.CreateClient();
        var probe = await SubmitAsync(attacker, new { email = victimEmail, category = "account_or_login", message = "I also cannot sign in, please help." });

        var triaged = await TriagedAsync(probe.GetProperty("id").GetGuid());
        Assert.Equal(JsonValueKind.Null, triaged.GetProperty("duplicateOfId").ValueKind);
        var seen = await attacker.GetFromJsonAsync<JsonElement>($"/api/help-requests/{probe.GetProperty("reference").GetString()}?token={probe.GetProperty("accessToken").GetString()}", TestData.Json);
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("linkedTo").ValueKind);
        Assert.DoesNotContain(victimReference, seen.GetRawText());
        Assert.Equal(HttpStatusCode.NotFound, (await attacker.GetAsync($"/api/help-requests/{victimReference}?email={victimEmail}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await attacker.GetAsync($"/api/help-requests/{victimReference}?token={probe.GetProperty("accessToken").GetString()}")).StatusCode);
    }

    [Fact]
    public async Task A_signed_in_readers_address_comes_from_their_token_and_a_typed_one_is_only_an_unverified_contact()
    {
        var userId = TestData.NewUserId();
        var reader = stack.Api.CreateClientWith(stack.Api.TokenFor(userId, extraClaims: [new Claim("email", $"{userId}@example.org")]));
        var victimEmail = $"victim-{Guid.NewGuid():N}@example.org";

        var accepted = await SubmitAsync(reader, new { email = victimEmail, message = "Please answer me at this other address." });

        Assert.Equal(JsonValueKind.Null, accepted.GetProperty("accessToken").ValueKind);
        var stored = await TriagedAsync(accepted.GetProperty("id").GetGuid());
        Assert.Equal($"{userId}@example.org", stored.GetProperty("email").GetString());
        Assert.Equal(victimEmail, stored.GetProperty("contactEmail").GetString());
    }

    [Fact]
    public async Task A_reader_cannot_appeal_someone_elses_comment_and_an_anonymous_visitor_cannot_name_one()
    {
        var author = stack.Api.CreateClientFor(TestData.NewUserId());
        var comment = await author.PostAcceptedCommentAsync(TestData.NewArticleId(), "The council should publish the full budget before the vote.");
        await author.WaitForStatusAsync(comment, "approved");

        var other = await stack.Api.CreateClientFor(TestData.NewUserId()).PostAsJsonAsync("/api/help-requests",
            new { commentId = comment, message = "This comment of mine was removed unfairly, please restore it." });
        var anonymous = await stack.Api.CreateClient().PostAsJsonAsync("/api/help-requests",
            new { email = "someone@example.org", commentId = comment, message = "This comment of mine was removed unfairly." });

        await ProblemAssert.IsProblemAsync(other, HttpStatusCode.BadRequest);
        Assert.Contains("commentId", await other.Content.ReadAsStringAsync());
        await ProblemAssert.IsProblemAsync(anonymous, HttpStatusCode.BadRequest);
        Assert.Equal("approved", (await author.GetCommentAsync(comment))!.Value.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_forged_message_naming_someone_elses_comment_cannot_be_escalated_to_take_it_down()
    {
        var author = stack.Api.CreateClientFor(TestData.NewUserId());
        var comment = await author.PostAcceptedCommentAsync(TestData.NewArticleId(), "The new tram timetable works well for the east side.");
        await author.WaitForStatusAsync(comment, "approved");

        // Straight onto the broker, as someone on its network could, past the API's check.
        var forged = new HelpRequestSubmitted
        {
            HelpRequestId = Guid.CreateVersion7(), Reference = HelpDesk.NewReference(), RequesterId = TestData.NewUserId(), CommentId = comment,
            Message = "Please take another look at this comment.", SubmittedAt = DateTimeOffset.UtcNow,
        };
        var queue = await stack.Api.Services.GetRequiredService<IBus>().GetSendEndpoint(new Uri($"queue:{QueueNames.TriageHelpRequest}"));
        await queue.Send(forged);
        var triaged = await TriagedAsync(forged.HelpRequestId);
        Assert.Equal(JsonValueKind.Null, triaged.GetProperty("commentId").ValueKind);

        // And a row that names it anyway (written straight to the database): support sees whose comment it is, and escalation refuses.
        await using var db = TestServices.CreateDbContext();
        var stored = forged with { HelpRequestId = Guid.CreateVersion7(), Reference = HelpDesk.NewReference() };
        await db.InsertIfAbsentAsync(stored, CancellationToken.None);
        var view = await Support.GetFromJsonAsync<JsonElement>($"/api/support/help-requests/{stored.HelpRequestId}", TestData.Json);
        Assert.NotEqual(view.GetProperty("requesterId").GetString(), view.GetProperty("commentAuthorId").GetString());
        await ProblemAssert.IsProblemAsync(await Support.PostAsync($"/api/support/help-requests/{stored.HelpRequestId}/escalations", null), HttpStatusCode.Conflict);
        Assert.Equal("approved", (await author.GetCommentAsync(comment))!.Value.GetProperty("status").GetString());
    }
}
