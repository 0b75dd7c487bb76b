using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comments.Contracts;
using Comments.Testing;
using MassTransit;
using Microsoft.Extensions.Time.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Comments.Api.Tests;

[Collection(StackCollection.Name)]
public sealed class EditAndDeleteTests(CommentsStack stack)
{
    private async Task<Guid> ApprovedAsync(HttpClient client, string articleId, string body, Guid? parentId = null)
    {
        var response = await client.PostCommentAsync(articleId, body, parentId);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>(TestData.Json)).GetProperty("id").GetGuid();
        await client.WaitForStatusAsync(id, "approved");
        return id;
    }

    private static Task<HttpResponseMessage> EditAsync(HttpClient client, Guid id, string body) =>
        client.PatchAsJsonAsync($"/api/comments/{id}", new { body });

    [Fact]
    public async Task Edit_within_the_window_is_moderated_again_and_keeps_the_history()
    {
        var articleId = TestData.NewArticleId();
        var author = stack.Api.CreateClientFor(TestData.NewUserId());
        var id = await ApprovedAsync(author, articleId, "The report is thorough.");
        await using var probe = await EventProbe.StartAsync<CommentEdited, CommentDeleted, CommentReported, ReactionChanged>(stack.Api.Services.GetRequiredService<IBus>());

        var edit = await EditAsync(author, id, "The report is thorough and fair.");
        Assert.Equal(HttpStatusCode.Accepted, edit.StatusCode);
        Assert.Equal(2, (await edit.Content.ReadFromJsonAsync<JsonElement>(TestData.Json)).GetProperty("revision").GetInt32());
        var edited = await Eventually.Until(() => stack.Api.CreateClient().GetCommentAsync(id),
            c => c?.GetProperty("body").GetString() == "The report is thorough and fair.", what: "the edit to be public");
        Assert.True(edited!.Value.GetProperty("edited").GetBoolean());
        await probe.WaitForAsync<CommentEdited>(e => e.CommentId == id && e.Revision == 2);

        Assert.Equal(HttpStatusCode.Accepted, (await EditAsync(author, id, "Actually the report is fucking useless.")).StatusCode);
        var rejected = await author.WaitForStatusAsync(id, "rejected");
        Assert.Equal("BANNED_WORD", rejected!.Value.GetProperty("reasons")[0].GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await stack.Api.CreateClient().GetAsync($"/api/comments/{id}")).StatusCode);

        await using var db = TestServices.CreateDbContext();
        var revisions = await db.CommentRevisions.Where(r => r.CommentId == id).OrderBy(r => r.Revision).Select(r => r.Body).ToListAsync();
        Assert.Equal(["The report is thorough.", "The report is thorough and fair.", "Actually the report is fucking useless."], revisions);
        Assert.Equal(3, await db.Decisions.CountAsync(d => d.CommentId == id));
        Assert.Equal(0, (await stack.Api.CreateClient().GetFromJsonAsync<JsonElement>($"/api/articles/{articleId}/stats", TestData.Json)).GetProperty("publishedCount").GetInt32());
    }

    [Fact]
    public async Task Edit_after_the_window_or_of_someone_elses_comment_is_refused()
    {
        await using var noWindow = new ApiFactory(new Dictionary<string, string?> { ["Comments:EditWindow"] = "00:00:00" });
        var author = noWindow.CreateClientFor(TestData.NewUserId());
        var id = await ApprovedAsync(author, TestData.NewArticleId(), "Posted a moment ago.");

        await ProblemAssert.IsProblemAsync(await EditAsync(author, id, "Too late."), HttpStatusCode.Conflict);
        await ProblemAssert.IsProblemAsync(await EditAsync(stack.Api.CreateClientFor(TestData.NewUserId()), id, "Not mine."), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await EditAsync(author, id, " "), HttpStatusCode.BadRequest);
        Assert.Equal("Posted a moment ago.", (await author.GetCommentAsync(id))!.Value.GetProperty("body").GetString());
    }

    [Fact]
    public async Task Edit_is_accepted_until_the_window_closes_and_refused_after_it()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var api = new ApiFactory(clock: clock);
        var author = api.CreateClientFor(TestData.NewUserId());
        var id = await ApprovedAsync(author, TestData.NewArticleId(), "Posted just now.");

        clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(5));
        Assert.Equal(HttpStatusCode.Accepted, (await EditAsync(author, id, "Posted just now, and corrected.")).StatusCode);
        await Eventually.Until(() => author.GetCommentAsync(id), c => c?.GetProperty("body").GetString() == "Posted just now, and corrected.",
            what: "the edit made inside the window to be public");

        clock.Advance(TimeSpan.FromSeconds(10));
        await ProblemAssert.IsProblemAsync(await EditAsync(author, id, "Corrected once more, too late."), HttpStatusCode.Conflict);
        Assert.Equal("Posted just now, and corrected.", (await author.GetCommentAsync(id))!.Value.GetProperty("body").GetString());
    }

    [Fact]
    public async Task Delete_leaves_a_placeholder_for_replies_and_moderators_still_see_the_text()
    {
        var articleId = TestData.NewArticleId();
        var author = stack.Api.CreateClientFor(TestData.NewUserId());
        var replier = stack.Api.CreateClientFor(TestData.NewUserId());
        var parent = await ApprovedAsync(author, articleId, "Something I regret saying.");
        var reply = await ApprovedAsync(replier, articleId, "A reply that stays.", parent);
        var lonely = await ApprovedAsync(author, articleId, "Nobody answered this.");

        Assert.Equal(HttpStatusCode.NotFound, (await replier.DeleteAsync($"/api/comments/{parent}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await author.DeleteAsync($"/api/comments/{parent}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await author.DeleteAsync($"/api/comments/{parent}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await author.DeleteAsync($"/api/comments/{lonely}")).StatusCode);

        var listing = await stack.Api.CreateClient().GetFromJsonAsync<JsonElement>($"/api/articles/{articleId}/comments", TestData.Json);
        var placeholder = Assert.Single(listing.GetProperty("items").EnumerateArray());
        Assert.Equal(parent, placeholder.GetProperty("id").GetGuid());
        Assert.True(placeholder.GetProperty("deleted").GetBoolean());
        Assert.Equal(JsonValueKind.Null, placeholder.GetProperty("body").ValueKind);
        Assert.Equal(reply, placeholder.GetProperty("replies")[0].GetProperty("id").GetGuid());

        await using var db = TestServices.CreateDbContext();
        Assert.Equal("Something I regret saying.", (await db.Comments.SingleAsync(c => c.Id == parent)).Body);
        await ProblemAssert.IsProblemAsync(await EditAsync(author, parent, "Changed my mind."), HttpStatusCode.Conflict);
    }
}
