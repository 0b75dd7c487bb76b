using System.Data.Common;
using Comments.Api.Standing;
using Comments.Contracts;
using Comments.Storage;
using Comments.Storage.Users;
using Comments.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Comments.Api.Tests;

/// <summary>The set of restricted readers on its own: the order of changes, and a reload racing an event.</summary>
[Collection(StackCollection.Name)]
public sealed class ReaderStandingsTests
{
    [Fact]
    public async Task A_change_that_arrives_late_does_not_undo_a_newer_one_and_a_reload_takes_the_database_s_word()
    {
        var standings = NewStandings();
        var userId = TestData.NewUserId();
        var banned = DateTimeOffset.UtcNow;
        ReaderStandingChanged Change(string status, DateTimeOffset at) => new() { UserId = userId, Status = status, ChangedAt = at };

        standings.Apply(Change("banned", banned));
        standings.Apply(Change("active", banned.AddSeconds(-1))); // an older restore, from another instance, heard late
        Assert.Equal(UserStatus.Banned, standings.Of(userId)?.Status);

        standings.Apply(Change("active", banned.AddSeconds(1)));
        standings.Apply(Change("banned", banned)); // the ban's event again, after its restore
        Assert.Equal(UserStatus.Active, standings.Of(userId)?.Status);

        standings.Apply(Change("banned", banned.AddSeconds(2))); // heard, never stored: the reload takes the database's word
        await standings.RefreshAsync(CancellationToken.None);
        Assert.Null(standings.Of(userId));
    }

    [Fact]
    public async Task A_change_heard_while_a_reload_reads_the_database_survives_the_reload()
    {
        var reading = new HeldQuery();
        var standings = NewStandings(reading);
        var userId = TestData.NewUserId();

        var reload = standings.RefreshAsync(CancellationToken.None);
        Assert.True(await Task.WhenAny(reading.Started.Task, Task.Delay(TimeSpan.FromSeconds(10))) == reading.Started.Task, "the reload never started its query");
        standings.Apply(new ReaderStandingChanged { UserId = userId, Status = "banned", ChangedAt = DateTimeOffset.UtcNow });
        reading.Release.SetResult();
        await reload;

        Assert.Equal(UserStatus.Banned, standings.Of(userId)?.Status);
    }

    private static ReaderStandings NewStandings(params IInterceptor[] interceptors) => new(new PooledDbContextFactory<CommentsDbContext>(
        new DbContextOptionsBuilder<CommentsDbContext>().UseCommentsDatabase(TestServices.ConnectionString).AddInterceptors(interceptors).Options), TimeProvider.System);

    /// <summary>Holds the reload's query until the test lets it go, so that an event can arrive in between.</summary>
    private sealed class HeldQuery : DbCommandInterceptor
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Started.TrySetResult();
            await Release.Task;
            return result;
        }
    }
}
