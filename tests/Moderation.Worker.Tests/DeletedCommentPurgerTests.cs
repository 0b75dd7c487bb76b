using Comments.Storage;
using Comments.Storage.Comments;
using Comments.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moderation.Worker.Retention;

namespace Moderation.Worker.Tests;

/// <summary>Deleted comments keep their text for moderators until the retention period ends (real PostgreSQL).</summary>
public sealed class DeletedCommentPurgerTests
{
    [Fact]
    public async Task Text_of_comments_deleted_before_the_retention_period_is_erased_and_newer_ones_kept()
    {
        await TestServices.EnsureMigratedAsync();
        var now = DateTimeOffset.UtcNow;
        var old = NewComment(now.AddDays(-31));
        var recent = NewComment(now.AddDays(-1));
        await using (var db = TestServices.CreateDbContext())
        {
            db.Comments.AddRange(old, recent);
            db.CommentRevisions.Add(new CommentRevision { CommentId = old.Id, Revision = 1, Body = old.Body, CreatedAt = now });
            await db.SaveChangesAsync();
        }
        await using var services = new ServiceCollection().AddCommentsDatabase(TestServices.ConnectionString).BuildServiceProvider();
        var purger = new DeletedCommentPurger(services.GetRequiredService<IServiceScopeFactory>(),
            Options.Create(new RetentionOptions { DeletedCommentDays = 30 }), TimeProvider.System, NullLogger<DeletedCommentPurger>.Instance);

        Assert.True(await purger.PurgeAsync(CancellationToken.None) >= 1);

        await using var check = TestServices.CreateDbContext();
        Assert.Equal("", (await check.Comments.SingleAsync(c => c.Id == old.Id)).Body);
        Assert.Equal("", (await check.CommentRevisions.SingleAsync(r => r.CommentId == old.Id)).Body);
        Assert.Equal(recent.Body, (await check.Comments.SingleAsync(c => c.Id == recent.Id)).Body);
    }

    private static Comment NewComment(DateTimeOffset deletedAt) => new()
    {
        Id = Guid.CreateVersion7(), ArticleId = "purge-test", AuthorId = $"reader-{Guid.NewGuid():N}", AuthorName = "r",
        Body = $"said and regretted {Guid.NewGuid()}", Status = CommentStatus.Approved,
        CreatedAt = deletedAt.AddMinutes(-5), UpdatedAt = deletedAt, DeletedAt = deletedAt,
    };
}
