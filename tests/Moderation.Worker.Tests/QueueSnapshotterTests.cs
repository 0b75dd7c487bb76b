using Comments.Storage;
using Comments.Storage.Comments;
using Comments.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Moderation.Worker.Workbench;

namespace Moderation.Worker.Tests;

/// <summary>Queue counts kept by the database trigger, and their snapshots for the dashboard (real PostgreSQL).</summary>
public sealed class QueueSnapshotterTests
{
    [Fact]
    public async Task Counts_follow_comments_and_a_snapshot_records_them_once_per_interval()
    {
        await TestServices.EnsureMigratedAsync();
        var site = $"snap-{Guid.NewGuid():N}"[..20];
        var now = DateTimeOffset.UtcNow;
        await using (var db = TestServices.CreateDbContext())
        {
            foreach (var status in new[] { CommentStatus.Held, CommentStatus.Held, CommentStatus.Approved })
            {
                db.Comments.Add(new Comment { Id = Guid.CreateVersion7(), SiteId = site, ArticleId = "a", AuthorId = "r", AuthorName = "r", Body = "b", Status = status, CreatedAt = now, UpdatedAt = now });
            }
            await db.SaveChangesAsync();
            var held = await db.Comments.FirstAsync(c => c.SiteId == site && c.Status == CommentStatus.Held);
            held.Status = CommentStatus.Rejected;
            await db.SaveChangesAsync();
        }
        await using var services = new ServiceCollection().AddCommentsDatabase(TestServices.ConnectionString).BuildServiceProvider();
        var snapshotter = new QueueSnapshotter(services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System, NullLogger<QueueSnapshotter>.Instance);

        await snapshotter.TakeAsync(CancellationToken.None);
        await snapshotter.TakeAsync(CancellationToken.None);

        await using var check = TestServices.CreateDbContext();
        var counts = await check.QueueCounts.Where(q => q.SiteId == site).ToDictionaryAsync(q => q.Queue, q => q.Count);
        Assert.Equal(1, counts["pending"]);
        Assert.Equal(1, counts["rejected"]);
        Assert.Equal(1, counts["approved"]);
        var snapshots = await check.QueueSnapshots.Where(s => s.SiteId == site).ToListAsync();
        Assert.Equal(3, snapshots.Count(s => s.Count > 0));
        Assert.Single(snapshots.Select(s => s.TakenAt).Distinct());
    }
}
