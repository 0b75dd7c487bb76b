using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comments.Testing;

namespace Comments.Api.Tests;

/// <summary>
/// An author cannot edit their way around a person's decision: a rejected comment cannot be edited, and an edit of a
/// comment that was held, or approved by a moderator and then reported, goes back to a moderator.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class EditAfterReviewTests(CommentsStack stack)
{
    private HttpClient Moderator => stack.Api.CreateClientFor(TestData.NewUserId("moderator"), "Mo", "moderator");

    private static Task<HttpResponseMessage> EditAsync(HttpClient client, Guid id, string body) =>
        client.PatchAsJsonAsync($"/api/comments/{id}", new { body });

    private async Task DecideAsync(Guid id, string action, string? reason)
    {
        var history = await Moderator.GetFromJsonAsync<JsonElement>($"/api/moderation/comments/{id}/history", TestData.Json);
        var decision = await Moderator.PostAsJsonAsync($"/api/moderation/comments/{id}/decision",
            new { action, reason, version = history.GetProperty("version").GetUInt32() });
        Assert.Equal(HttpStatusCode.OK, decision.StatusCode);
    }

    private static async Task<JsonElement> EditDecidedAsync(HttpClient author, Guid id, string body, string status) =>
        (await Eventually.Until(() => author.GetCommentAsync(id),
            c => c?.GetProperty("body").GetString() == body && c.Value.GetProperty("status").GetString() == status,
            what: $"the edit of comment {id} to be {status}"))!.Value;

    /// <summary>What the moderator sees in the queue: the words changed since the revision a person reviewed.</summary>
    private async Task<JsonElement> EditSinceReviewAsync(Guid id)
    {
        var queue = await Moderator.GetFromJsonAsync<JsonElement>("/api/moderation/queues/pending?reason=EDITED_AFTER_REVIEW&limit=100", TestData.Json);
        return queue.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("comment").GetProperty("id").GetGuid() == id).GetProperty("editSinceReview");
    }

    private static string Changed(JsonElement edit, string kind) =>
        string.Concat(edit.GetProperty("changes").EnumerateArray().Where(c => c.GetProperty("kind").GetString() == kind).Select(c => c.GetProperty("text").GetString()));

    private static string[] Codes(JsonElement comment) =>
        [.. comment.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()!)];

    [Fact]
    public async Task A_comment_a_moderator_rejected_cannot_be_edited_back_into_public_view()
    {
        var author = stack.Api.CreateClientFor(TestData.NewUserId());
        var id = await author.PostAcceptedCommentAsync(TestData.NewArticleId(), "The vaccine contains tracking chips, look it up.");
        await author.WaitForStatusAsync(id, "approved");
        await DecideAsync(id, "reject", "MISINFORMATION");

        var edit = await EditAsync(author, id, "The vaccine contains tracking chips, look it up!");

        await ProblemAssert.IsProblemAsync(edit, HttpStatusCode.Conflict);
        var comment = (await author.GetCommentAsync(id))!.Value;
        Assert.Equal("rejected", comment.GetProperty("status").GetString());
        Assert.Equal("The vaccine contains tracking chips, look it up.", comment.GetProperty("body").GetString());
    }

    [Fact]
    public async Task An_edit_of_a_held_comment_waits_for_a_moderator_instead_of_being_approved()
    {
        var author = stack.Api.CreateClientFor(TestData.NewUserId());
        var id = await author.PostAcceptedCommentAsync(TestData.NewArticleId(), "The mayor talks utter bullshit about the flood money.");
        await author.WaitForStatusAsync(id, "held");

        Assert.Equal(HttpStatusCode.Accepted, (await EditAsync(author, id, "The mayor talks nonsense about the flood money.")).StatusCode);

        var edited = await EditDecidedAsync(author, id, "The mayor talks nonsense about the flood money.", "held");
        Assert.Contains("EDITED_AFTER_REVIEW", Codes(edited));
        var edit = await EditSinceReviewAsync(id);
        Assert.Equal(1, edit.GetProperty("reviewedRevision").GetInt32());
        Assert.Equal("utter bullshit", Changed(edit, "removed"));
        Assert.Equal("nonsense", Changed(edit, "added"));
    }

    [Fact]
    public async Task An_edit_of_a_comment_a_moderator_approved_after_reports_goes_back_to_a_moderator_and_others_do_not()
    {
        var author = stack.Api.CreateClientFor(TestData.NewUserId());
        var articleId = TestData.NewArticleId();
        var reported = await author.PostAcceptedCommentAsync(articleId, "The council's figures on the bypass do not add up.");
        var untouched = await author.PostAcceptedCommentAsync(articleId, "The bypass opens in March, according to the report.");
        await author.WaitForStatusAsync(reported, "approved");
        await author.WaitForStatusAsync(untouched, "approved");
        var reporter = stack.Api.CreateClientFor(TestData.NewUserId("reporter"));
        Assert.Equal(HttpStatusCode.Created, (await reporter.PostAsJsonAsync($"/api/comments/{reported}/reports", new { reason = "other" })).StatusCode);
        await DecideAsync(reported, "approve", null);

        const string reportedEdit = "The council's figures on the bypass do not add up, and here is why.";
        const string untouchedEdit = "The bypass opens in March, according to the council's report.";
        Assert.Equal(HttpStatusCode.Accepted, (await EditAsync(author, reported, reportedEdit)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await EditAsync(author, untouched, untouchedEdit)).StatusCode);

        Assert.Contains("EDITED_AFTER_REVIEW", Codes(await EditDecidedAsync(author, reported, reportedEdit, "held")));
        var edit = await EditSinceReviewAsync(reported);
        Assert.Equal("The council's figures on the bypass do not add up.", edit.GetProperty("reviewedBody").GetString());
        Assert.Equal(", and here is why", Changed(edit, "added"));
        await EditDecidedAsync(author, untouched, untouchedEdit, "approved");
    }
}
