using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comments.Contracts;
using Comments.Storage.Comments;
using Comments.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Comments.Api.Tests;

/// <summary>
/// A message the worker cannot process (an edit of a comment whose original never arrived) fails its retries,
/// waits in <c>moderate-comment_error</c> while other comments keep flowing, is listed for admins, and once the
/// cause is fixed a replay decides it.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class FailedMessageTests(CommentsStack stack)
{
    private static readonly Dictionary<string, string?> QuickRetries = new()
    {
        ["Consumers:RetryLimit"] = "2",
        ["Consumers:RetryMaxInterval"] = "00:00:00.500",
    };

    [Fact]
    public async Task A_poison_message_lands_in_the_error_queue_is_listed_and_replays_once_its_cause_is_fixed()
    {
        await stack.StopWorkerAsync();
        await stack.StartWorkerAsync(QuickRetries);
        try
        {
            var articleId = TestData.NewArticleId();
            var original = new CommentSubmitted
            {
                CommentId = Guid.CreateVersion7(),
                ArticleId = articleId,
                AuthorId = TestData.NewUserId(),
                AuthorName = "Out Of Order",
                Body = "The first version of my comment.",
                SubmittedAt = DateTimeOffset.UtcNow.AddTicks(-(DateTimeOffset.UtcNow.Ticks % 10)),
            };
            var edit = original with { Revision = 2, Body = "The second version of my comment." };
            var editMessageId = Guid.NewGuid();
            var queue = await stack.Api.Services.GetRequiredService<IBus>().GetSendEndpoint(new Uri($"queue:{QueueNames.ModerateComment}"));
            var admin = stack.Api.CreateClientFor(TestData.NewUserId("admin"), "Ops", "admin");

            await queue.Send(edit, context => context.MessageId = editMessageId);
            var listed = await Eventually.Until(() => FailedAsync(admin, editMessageId), item => item is not null, what: "the edit to reach the error queue");

            Assert.Equal(original.CommentId.ToString(), listed!.Value.GetProperty("commentId").GetString());
            Assert.Equal("moderate-comment_error", listed.Value.GetProperty("queue").GetString());
            Assert.Contains("InvalidOperationException", listed.Value.GetProperty("exceptionType").GetString());
            Assert.Contains("arrived before", listed.Value.GetProperty("reason").GetString());
            var flowing = await stack.Api.CreateClientFor(TestData.NewUserId()).PostAcceptedCommentAsync(articleId, "Everything else keeps flowing.");
            await stack.Api.CreateClientFor("x").WaitForStatusAsync(flowing, "approved");

            // The cause: the original never arrived. Once it has, the edit can be replayed.
            await queue.Send(original);
            await using var db = TestServices.CreateDbContext();
            await Eventually.Until(() => db.Comments.AsNoTracking().Where(c => c.Id == original.CommentId).Select(c => c.Status).FirstOrDefaultAsync(),
                status => status == CommentStatus.Approved, what: "the original to be decided");

            var replay = await admin.PostAsync($"/api/ops/errors/{editMessageId}/replay", null);
            Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
            await Eventually.Until(() => db.Decisions.AsNoTracking().CountAsync(d => d.CommentId == original.CommentId && d.Revision == 2),
                count => count == 1, what: "the replayed edit to be decided");
            var stored = await db.Comments.AsNoTracking().SingleAsync(c => c.Id == original.CommentId);
            Assert.Equal((2, edit.Body), (stored.Revision, stored.Body));

            Assert.Null(await FailedAsync(admin, editMessageId));
            await ProblemAssert.IsProblemAsync(await admin.PostAsync($"/api/ops/errors/{editMessageId}/replay", null), HttpStatusCode.NotFound);
            await ProblemAssert.IsProblemAsync(await admin.GetAsync("/api/ops/errors?limit=0"), HttpStatusCode.BadRequest);
        }
        finally
        {
            await stack.StopWorkerAsync();
            await stack.StartWorkerAsync();
        }
    }

    private static async Task<JsonElement?> FailedAsync(HttpClient admin, Guid messageId)
    {
        var page = await admin.GetFromJsonAsync<JsonElement>("/api/ops/errors?limit=500", TestData.Json);
        foreach (var item in page.GetProperty("items").EnumerateArray())
        {
            if (item.GetProperty("id").GetString() == messageId.ToString())
            {
                return item.Clone();
            }
        }
        return null;
    }
}
