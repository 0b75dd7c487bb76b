using Comments.Api.Infrastructure;
using Comments.ServiceDefaults.Broker;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comments.Contracts;
using Comments.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Comments.Api.Tests;

/// <summary>Retrying a post with the same Idempotency-Key never stores a second comment.</summary>
[Collection(StackCollection.Name)]
public sealed class IdempotencyTests(CommentsStack stack)
{
    [Fact]
    public async Task A_retry_with_the_same_key_answers_the_same_comment_and_it_is_stored_and_decided_once()
    {
        var articleId = TestData.NewArticleId();
        var reader = stack.Api.CreateClientFor(TestData.NewUserId());
        var key = Guid.NewGuid().ToString("N");

        var first = await PostAsync(reader, articleId, "Said once, sent twice.", key);
        var retry = await PostAsync(reader, articleId, "Said once, sent twice.", key);
        var someoneElse = await PostAsync(stack.Api.CreateClientFor(TestData.NewUserId()), articleId, "Said once, sent twice.", key);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        var id = await IdOf(first);
        Assert.Equal(id, await IdOf(retry));
        Assert.Equal($"/api/comments/{id}", retry.Headers.Location?.OriginalString);
        Assert.NotEqual(id, await IdOf(someoneElse));
        await reader.WaitForStatusAsync(id, "approved");
        await Eventually.Until(() => TestData.StoredCommentCountAsync(articleId), count => count == 2, what: "both readers' comments stored");
        await using var db = TestServices.CreateDbContext();
        Assert.Equal(1, await db.Decisions.CountAsync(d => d.CommentId == id));
    }

    [Fact]
    public async Task The_same_key_for_other_text_is_refused_with_409_and_changes_nothing()
    {
        var articleId = TestData.NewArticleId();
        var reader = stack.Api.CreateClientFor(TestData.NewUserId());
        var key = Guid.NewGuid().ToString("N");
        var id = await IdOf(await PostAsync(reader, articleId, "The first thought.", key));

        var reused = await PostAsync(reader, articleId, "A second thought.", key);

        await ProblemAssert.IsProblemAsync(reused, HttpStatusCode.Conflict);
        await using var db = TestServices.CreateDbContext();
        var stored = await db.Comments.AsNoTracking().SingleAsync(c => c.ArticleId == articleId);
        Assert.Equal((id, "The first thought."), (stored.Id, stored.Body));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a key with spaces")]
    [InlineData("tab\tinside")]
    public async Task A_key_that_is_not_1_to_64_visible_ascii_characters_is_a_400_and_nothing_is_stored(string key)
    {
        var articleId = TestData.NewArticleId();
        var reader = stack.Api.CreateClientFor(TestData.NewUserId());
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/articles/{articleId}/comments") { Content = JsonContent.Create(new { body = "Fine text." }) };
        request.Headers.TryAddWithoutValidation(IdempotencyKey.HeaderName, key);

        var response = await reader.SendAsync(request);
        var tooLong = await PostAsync(reader, articleId, "Fine text.", new string('k', IdempotencyKey.MaxLength + 1));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(tooLong, HttpStatusCode.BadRequest);
        Assert.Contains(IdempotencyKey.HeaderName, await tooLong.Content.ReadAsStringAsync());
        Assert.Equal(0, await TestData.StoredCommentCountAsync(articleId));
    }

    [Fact]
    public async Task A_retry_after_an_attempt_that_reached_the_broker_unknown_to_the_client_is_stored_once()
    {
        var articleId = TestData.NewArticleId();
        var userId = TestData.NewUserId();
        var key = Guid.NewGuid().ToString("N");
        var siteId = stack.Api.Services.GetRequiredService<IOptions<CommentOptions>>().Value.SiteId;
        // What the broker holds when it confirmed the first attempt too late: the client was told 503.
        var lateFirstAttempt = new CommentSubmitted
        {
            CommentId = IdempotencyKey.CommentIdFor(siteId, userId, key),
            SiteId = siteId,
            ArticleId = articleId,
            AuthorId = userId,
            AuthorName = "Retrying Reader",
            Body = "Sent while the broker was restarting.",
            SubmittedAt = DateTimeOffset.UtcNow,
        };
        await stack.StopWorkerAsync();
        HttpResponseMessage retry;
        try
        {
            var queue = await stack.Api.Services.GetRequiredService<IBus>().GetSendEndpoint(stack.Api.Services.GetRequiredService<IntakeQueues>().Address(QueueNames.ModerateComment));
            await queue.Send(lateFirstAttempt, context => context.MessageId = lateFirstAttempt.CommentId);
            retry = await PostAsync(stack.Api.CreateClientFor(userId, "Retrying Reader"), articleId, lateFirstAttempt.Body, key);
        }
        finally
        {
            await stack.StartWorkerAsync();
        }

        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        Assert.Equal(lateFirstAttempt.CommentId, await IdOf(retry));
        await stack.Api.CreateClient().WaitForStatusAsync(lateFirstAttempt.CommentId, "approved");
        var sentinel = await stack.Api.CreateClientFor(TestData.NewUserId()).PostAcceptedCommentAsync(articleId, "Posted after both.");
        await stack.Api.CreateClient().WaitForStatusAsync(sentinel, "approved");
        await using var db = TestServices.CreateDbContext();
        Assert.Equal(2, await TestData.StoredCommentCountAsync(articleId));
        Assert.Equal(1, await db.Decisions.CountAsync(d => d.CommentId == lateFirstAttempt.CommentId));
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string articleId, string body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/articles/{articleId}/comments") { Content = JsonContent.Create(new { body }) };
        request.Headers.Add(IdempotencyKey.HeaderName, key);
        return client.SendAsync(request);
    }

    private static async Task<Guid> IdOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(TestData.Json)).GetProperty("id").GetGuid();
}
