using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comments.Testing;
using Microsoft.EntityFrameworkCore;

namespace Comments.Api.Tests;

/// <summary>Staff, journalists and moderators carry a badge their token gave them when they posted; readers none.</summary>
[Collection(StackCollection.Name)]
public sealed class StaffBadgeTests(CommentsStack stack)
{
    private static string? Badge(JsonElement comment) => comment.GetProperty("authorBadge").GetString();

    [Theory]
    [InlineData("journalist", "journalist")]
    [InlineData("staff", "staff")]
    [InlineData("moderator", "moderator")]
    [InlineData("admin", "moderator")]
    [InlineData("reader", null)]
    [InlineData("support", null)]
    public async Task A_comment_carries_the_badge_of_its_author_s_roles_in_every_public_view(string role, string? badge)
    {
        var articleId = TestData.NewArticleId();
        var author = stack.Api.CreateClientFor(TestData.NewUserId(role), $"A {role}", role);

        var id = await author.PostPublishedAsync(articleId, $"A few words from a {role} about the flood barrier.");

        Assert.Equal(badge, Badge((await stack.Api.CreateClient().GetCommentAsync(id))!.Value));
        var listed = await Eventually.Until(() => stack.Api.CreateClient().GetFromJsonAsync<JsonElement>($"/api/articles/{articleId}/comments", TestData.Json),
            page => page.GetProperty("items").GetArrayLength() == 1, what: "the comment in the public listing");
        Assert.Equal(badge, Badge(listed.GetProperty("items")[0]));
    }

    [Fact]
    public async Task The_most_telling_badge_wins_when_a_token_holds_several_roles()
    {
        var articleId = TestData.NewArticleId();
        var reporter = stack.Api.CreateClientFor(TestData.NewUserId("journalist"), "Rita Reporter", "reader", "staff", "moderator", "journalist");

        var id = await reporter.PostPublishedAsync(articleId, "I wrote this story; the figures come from the council's own report.");

        Assert.Equal("journalist", Badge((await stack.Api.CreateClient().GetCommentAsync(id))!.Value));
    }

    [Fact]
    public async Task A_reader_cannot_forge_a_badge_through_the_request_body()
    {
        var articleId = TestData.NewArticleId();
        var reader = stack.Api.CreateClientFor(TestData.NewUserId());

        var response = await reader.PostAsJsonAsync($"/api/articles/{articleId}/comments",
            new { body = "Trust me, I am the reporter.", authorBadge = "journalist", authorRoles = new[] { "journalist", "moderator" }, featured = true });

        if (response.StatusCode == HttpStatusCode.Accepted)
        {
            var id = (await response.Content.ReadFromJsonAsync<JsonElement>(TestData.Json)).GetProperty("id").GetGuid();
            var seen = (await reader.WaitForStatusAsync(id, "approved"))!.Value;
            Assert.Null(Badge(seen));
            Assert.False(seen.GetProperty("featured").GetBoolean());
        }
        else
        {
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        }
        await using var db = TestServices.CreateDbContext();
        Assert.All(await db.Comments.Where(c => c.ArticleId == articleId).ToListAsync(), c => Assert.Null(c.AuthorBadge));
    }

    [Fact]
    public async Task A_later_change_of_role_does_not_rewrite_the_badge_of_earlier_comments()
    {
        var articleId = TestData.NewArticleId();
        var userId = TestData.NewUserId("journalist");
        var asJournalist = await stack.Api.CreateClientFor(userId, "Rita Reporter", "journalist").PostPublishedAsync(articleId, "Written while on the staff.");

        var asReader = await stack.Api.CreateClientFor(userId, "Rita Reporter", "reader").PostPublishedAsync(articleId, "Written after leaving the paper.");

        Assert.Equal("journalist", Badge((await stack.Api.CreateClient().GetCommentAsync(asJournalist))!.Value));
        Assert.Null(Badge((await stack.Api.CreateClient().GetCommentAsync(asReader))!.Value));
    }
}
