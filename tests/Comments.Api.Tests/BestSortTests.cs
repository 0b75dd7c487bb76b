using System.Buffers.Text;
using System.Net;
using System.Text;
using Comments.Storage.Comments;
using Comments.Testing;
using Microsoft.EntityFrameworkCore;

namespace Comments.Api.Tests;

/// <summary>sort=best: respects weighted for confidence (the Wilson lower bound, docs/how-it-works.md), paged by keyset.</summary>
[Collection(StackCollection.Name)]
public sealed class BestSortTests(CommentsStack stack)
{
    private static string Best(string articleId) => $"/api/articles/{articleId}/comments?sort=best";

    /// <summary>Posts one top-level comment per entry and has that many readers respect it; the ids in posting order.</summary>
    private async Task<List<Guid>> RespectedCommentsAsync(string articleId, params int[] respects)
    {
        var author = stack.Api.CreateClientFor(TestData.NewUserId());
        var ids = new List<Guid>();
        for (var i = 0; i < respects.Length; i++)
        {
            var id = await author.PostPublishedAsync(articleId, $"Comment {i} on the flood barrier, with its own point.");
            for (var r = 0; r < respects[i]; r++)
            {
                var reader = stack.Api.CreateClientFor(TestData.NewUserId());
                Assert.Equal(HttpStatusCode.OK, (await reader.PutAsync($"/api/comments/{id}/reactions/respect", null)).StatusCode);
            }
            ids.Add(id);
        }
        return ids;
    }

    /// <summary>The order the formula gives: score descending, then id descending (as PostgreSQL orders uuids: by their text).</summary>
    private static List<Guid> ExpectedOrder(List<Guid> ids, int[] respects) =>
        [.. ids.Select((id, i) => (id, Score: BestScore.Of(respects[i])))
            .OrderByDescending(c => c.Score).ThenByDescending(c => c.id.ToString("N"), StringComparer.Ordinal).Select(c => c.id)];

    [Fact]
    public void The_score_trusts_many_respects_more_than_a_perfect_few()
    {
        Assert.True(BestScore.WilsonLowerBound(1, 1) < BestScore.WilsonLowerBound(40, 50));
        Assert.True(BestScore.WilsonLowerBound(5, 5) < BestScore.WilsonLowerBound(90, 100));
        Assert.Equal(0, BestScore.Of(0));
        Assert.InRange(BestScore.Of(1), 0.001, 0.05);
        Assert.True(BestScore.Of(40) > 0.6);
        Assert.True(BestScore.Of(3) < BestScore.Of(4));
        // 95% interval for 40 of 50 (p = 0.8): about 0.670 to 0.888.
        Assert.Equal(0.670, BestScore.WilsonLowerBound(40, 50), 3);
    }

    [Fact]
    public async Task Best_orders_comments_by_the_stored_score_which_follows_every_respect()
    {
        var articleId = TestData.NewArticleId();
        int[] respects = [2, 0, 5, 1, 3];
        var ids = await RespectedCommentsAsync(articleId, respects);

        Assert.Equal(ExpectedOrder(ids, respects), await stack.Api.CreateClient().AllPagesAsync(Best(articleId), 20));

        var reader = stack.Api.CreateClientFor(TestData.NewUserId());
        Assert.Equal(HttpStatusCode.OK, (await reader.PutAsync($"/api/comments/{ids[1]}/reactions/respect", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.DeleteAsync($"/api/comments/{ids[1]}/reactions/respect")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.PutAsync($"/api/comments/{ids[3]}/reactions/respect", null)).StatusCode);
        respects[3]++;
        await using var db = TestServices.CreateDbContext();
        var stored = await db.Comments.Where(c => c.ArticleId == articleId).ToDictionaryAsync(c => c.Id);
        Assert.All(ids, id => Assert.Equal(BestScore.Of(stored[id].RespectCount), stored[id].BestScore));
        Assert.Equal(respects, ids.Select(id => stored[id].RespectCount));
        Assert.Equal(ExpectedOrder(ids, respects), await stack.Api.CreateClient().AllPagesAsync(Best(articleId), 20));
    }

    [Fact]
    public async Task Paging_through_best_returns_each_comment_exactly_once_even_with_equal_scores()
    {
        var articleId = TestData.NewArticleId();
        int[] respects = [0, 1, 0, 0, 1, 0, 2];
        var ids = await RespectedCommentsAsync(articleId, respects);

        var paged = await stack.Api.CreateClient().AllPagesAsync(Best(articleId), 2);

        Assert.Equal(ExpectedOrder(ids, respects), paged);
        Assert.Equal(ids.Count, paged.Distinct().Count());
    }

    [Theory]
    [InlineData("2")]
    [InlineData("-0.5")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("not-a-number")]
    public async Task A_cursor_with_a_score_that_is_not_one_is_refused(string score)
    {
        var cursor = Base64Url.EncodeToString(Encoding.ASCII.GetBytes($"best:0:0:{Guid.NewGuid():N}:{score}"));

        var response = await stack.Api.CreateClient().GetAsync($"{Best(TestData.NewArticleId())}&cursor={cursor}");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }
}
