using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comments.Api.Infrastructure;
using Comments.Api.Infrastructure.PendingRows;
using Comments.Storage.Comments;
using Comments.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Comments.Api.Tests;

/// <summary>
/// Issue 22: the early pending rows are written by one writer, a statement per batch of whatever has arrived; the
/// 202 still comes after its row, a worker's decision is never overwritten, and one bad row loses only itself.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class PendingRowTests(CommentsStack stack)
{
    [Fact]
    public async Task Comments_posted_at_once_have_their_pending_rows_when_the_202s_are_answered()
    {
        var articleId = TestData.NewArticleId();
        var author = stack.Api.CreateClientFor(TestData.NewUserId());
        await stack.StopWorkerAsync(); // every row below is the API's
        try
        {
            // Until the instance's connections are warm a row may miss its deadline; one that does not shows they are.
            await Eventually.Until(async () => await PendingRowExistsAsync(await author.PostAcceptedCommentAsync(articleId, "A post that warms the connections.")),
                exists => exists, what: "a post whose pending row was there at its 202");

            var posts = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => author.PostAcceptedCommentAsync(articleId, $"One of ten posted at once, number {i}.")));

            await using var db = TestServices.CreateDbContext();
            Assert.Equal(10, await db.Comments.CountAsync(c => posts.Contains(c.Id) && c.Status == CommentStatus.Pending));
        }
        finally
        {
            await stack.StartWorkerAsync();
        }
    }

    [Fact]
    public async Task A_late_pending_row_does_not_overwrite_the_workers_decision()
    {
        var articleId = TestData.NewArticleId();
        var author = stack.Api.CreateClientFor(TestData.NewUserId(), "Late Writer");
        var id = await author.PostAcceptedCommentAsync(articleId, "Decided before its pending row came again.");
        await author.WaitForStatusAsync(id, "approved");

        var writer = stack.Api.Services.GetRequiredService<PendingRowWriter>();
        await writer.WriteAsync(Pending(id, articleId, "A late batch's copy with other text."));

        await using var db = TestServices.CreateDbContext();
        var stored = await db.Comments.AsNoTracking().SingleAsync(c => c.Id == id);
        Assert.Equal(CommentStatus.Approved, stored.Status);
        Assert.Equal("Decided before its pending row came again.", stored.Body);
        Assert.Equal("approved", (await author.GetCommentAsync(id))?.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_row_the_database_refuses_loses_only_itself_and_what_is_queued_at_shutdown_is_written()
    {
        var log = new LogRecorder();
        using var logging = LoggerFactory.Create(builder => builder.AddProvider(log));
        // A writer of its own (and a circuit of its own), not started until all three are queued: they are one batch.
        var writer = new PendingRowWriter(OptionalDatabaseWorkTests.NewOptionalDatabaseWork(),
            Options.Create(new PendingRowOptions()), logging.CreateLogger<PendingRowWriter>());
        var articleId = TestData.NewArticleId();
        var good = new[] { Guid.CreateVersion7(), Guid.CreateVersion7() };
        var bad = Guid.CreateVersion7();
        var written = new[]
        {
            writer.WriteAsync(Pending(good[0], articleId, "The first good row.")),
            writer.WriteAsync(Pending(bad, new string('x', CommentConfiguration.ArticleIdMaxLength + 1), "Its article id is too long to store.")),
            writer.WriteAsync(Pending(good[1], articleId, "The second good row.")),
        };

        await writer.StartAsync(CancellationToken.None);
        await writer.StopAsync(CancellationToken.None);

        Assert.All(written, task => Assert.True(task.IsCompletedSuccessfully, "every request waiting for its row is let go"));
        Assert.Contains(log.Lines, line => line.Contains("A batch of 3 pending rows was refused", StringComparison.Ordinal));
        await using var db = TestServices.CreateDbContext();
        Assert.Equal(good.Order(), await db.Comments.Where(c => good.Contains(c.Id) || c.Id == bad).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync());
        Assert.Equal(HttpStatusCode.Accepted, (await stack.Api.CreateClientFor(TestData.NewUserId()).PostCommentAsync(articleId, "Posting goes on.")).StatusCode);
    }

    private static async Task<bool> PendingRowExistsAsync(Guid id)
    {
        await using var db = TestServices.CreateDbContext();
        return await db.Comments.AnyAsync(c => c.Id == id && c.Status == CommentStatus.Pending);
    }

    private static Comment Pending(Guid id, string articleId, string body)
    {
        var now = DateTimeOffset.UtcNow;
        return new Comment
        {
            Id = id, SiteId = "default", ArticleId = articleId, AuthorId = TestData.NewUserId(), AuthorName = "Late Writer", Body = body,
            Status = CommentStatus.Pending, CreatedAt = now, UpdatedAt = now,
        };
    }
}
