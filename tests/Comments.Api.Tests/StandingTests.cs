using System.Net;
using System.Net.Http.Json;
using Comments.Storage.Users;
using Comments.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Comments.Api.Tests;

/// <summary>
/// Issue 22: intake checks a reader's standing against an in-memory set in each API instance, kept current by
/// <c>ReaderStandingChanged</c> and a periodic reload; a ban takes effect within a second on every instance.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class StandingTests(CommentsStack stack)
{
    private static readonly TimeSpan WithinASecond = TimeSpan.FromSeconds(1);

    private HttpClient Moderator => stack.Api.CreateClientFor(TestData.NewUserId("moderator"), "M", "moderator");

    /// <summary>A second API instance whose start waits for its queues, so that it hears every event published after it started.</summary>
    private static ApiFactory SecondInstance(Dictionary<string, string?>? settings = null) =>
        new(settings, testServices: services => services.Configure<MassTransitHostOptions>(options => options.WaitUntilStarted = true));

    [Fact]
    public async Task A_ban_made_on_one_instance_is_refused_by_another_within_a_second_and_a_restore_lets_the_reader_post_again()
    {
        await using var second = SecondInstance();
        second.StartServer();
        var userId = TestData.NewUserId();
        var articleId = TestData.NewArticleId();
        var reader = second.CreateClientFor(userId);
        Assert.Equal(HttpStatusCode.Accepted, (await reader.PostCommentAsync(articleId, "Before the ban.")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await Moderator.PostAsJsonAsync($"/api/moderation/users/{userId}/ban", new { reason = "Spam account." })).StatusCode);

        // The instance that banned refuses at once; the other once it has heard the event.
        await ProblemAssert.IsProblemAsync(await stack.Api.CreateClientFor(userId).PostCommentAsync(articleId, "On the first instance."), HttpStatusCode.Forbidden);
        var refused = await Eventually.Until(() => reader.PostCommentAsync(articleId, "After the ban."), r => r.StatusCode == HttpStatusCode.Forbidden,
            what: "the second instance to refuse the banned reader", timeout: WithinASecond);
        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Forbidden);

        Assert.Equal(HttpStatusCode.OK, (await Moderator.PostAsJsonAsync($"/api/moderation/users/{userId}/restore", new { reason = "Appeal upheld." })).StatusCode);
        await Eventually.Until(() => reader.PostCommentAsync(articleId, "After the restore."), r => r.StatusCode == HttpStatusCode.Accepted,
            what: "the second instance to accept the restored reader", timeout: WithinASecond);
    }

    [Fact]
    public async Task A_forged_standing_event_on_the_broker_neither_lifts_a_ban_nor_bans_anyone()
    {
        await using var second = SecondInstance();
        second.StartServer();
        var (banned, innocent, marker) = (TestData.NewUserId(), TestData.NewUserId(), TestData.NewUserId());
        var articleId = TestData.NewArticleId();
        Assert.Equal(HttpStatusCode.OK, (await Moderator.PostAsJsonAsync($"/api/moderation/users/{banned}/ban", new { reason = "Spam account." })).StatusCode);
        var standings = second.Services.GetRequiredService<global::Comments.Api.Standing.ReaderStandings>();
        await Eventually.Until(() => Task.FromResult(standings.Of(banned)?.Status), status => status == UserStatus.Banned,
            what: "the second instance to hear the genuine ban", timeout: WithinASecond);

        var bus = stack.Api.Services.GetRequiredService<IBus>();
        var future = DateTimeOffset.UtcNow.AddYears(10);
        await bus.Publish(new global::Comments.Contracts.ReaderStandingChanged { UserId = banned, Status = "active", ChangedAt = future });
        await bus.Publish(new global::Comments.Contracts.ReaderStandingChanged { UserId = innocent, Status = "banned", ChangedAt = future });
        // A genuine change published after the forged ones: once the second instance has it, it has heard them too.
        Assert.Equal(HttpStatusCode.OK, (await Moderator.PostAsJsonAsync($"/api/moderation/users/{marker}/ban", new { reason = "Marker." })).StatusCode);
        await Eventually.Until(() => Task.FromResult(standings.Of(marker)?.Status), status => status == UserStatus.Banned,
            what: "the second instance to hear the change published after the forged ones", timeout: WithinASecond);

        Assert.Equal(UserStatus.Banned, standings.Of(banned)?.Status);
        Assert.Null(standings.Of(innocent));
        await ProblemAssert.IsProblemAsync(await second.CreateClientFor(banned).PostCommentAsync(articleId, "Unbanned by a forged event?"), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Accepted, (await second.CreateClientFor(innocent).PostCommentAsync(articleId, "Banned by a forged event?")).StatusCode);
    }

    [Fact]
    public async Task The_periodic_reload_picks_up_a_ban_written_without_an_event()
    {
        await using var api = SecondInstance(new() { ["Standings:RefreshInterval"] = "00:00:00.200" });
        api.StartServer();
        var userId = TestData.NewUserId();
        var reader = api.CreateClientFor(userId);
        var articleId = TestData.NewArticleId();
        Assert.Equal(HttpStatusCode.Accepted, (await reader.PostCommentAsync(articleId, "Before the ban.")).StatusCode);

        await using (var db = TestServices.CreateDbContext())
        {
            db.UserStandings.Add(new UserStanding { UserId = userId, Status = UserStatus.Banned, Reason = "written by hand", UpdatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        await Eventually.Until(() => reader.PostCommentAsync(articleId, "After the ban."), r => r.StatusCode == HttpStatusCode.Forbidden,
            what: "the reload to bring the ban written straight to the database", timeout: TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_suspension_ends_on_the_clock_without_an_event()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var api = new ApiFactory(clock: clock);
        var userId = TestData.NewUserId();
        var reader = api.CreateClientFor(userId);
        var moderator = api.CreateClientFor(TestData.NewUserId("moderator"), "M", "moderator");
        Assert.Equal(HttpStatusCode.OK, (await moderator.PostAsJsonAsync($"/api/moderation/users/{userId}/suspend", new { reason = "Cooling off.", duration = "30m" })).StatusCode);
        await ProblemAssert.IsProblemAsync(await reader.PostCommentAsync(TestData.NewArticleId(), "Still suspended."), HttpStatusCode.Forbidden);

        clock.Advance(TimeSpan.FromMinutes(31));

        Assert.Equal(HttpStatusCode.Accepted, (await reader.PostCommentAsync(TestData.NewArticleId(), "Back again.")).StatusCode);
    }

    [Fact]
    public async Task With_the_database_away_at_start_the_instance_takes_posts_and_the_worker_still_refuses_a_banned_reader()
    {
        await using var noDatabase = SecondInstance(new()
        {
            ["ConnectionStrings:Comments"] = "Host=127.0.0.1;Port=1;Username=postgres;Database=comments;Timeout=1",
        });
        noDatabase.StartServer();
        var userId = TestData.NewUserId();
        var reader = noDatabase.CreateClientFor(userId);
        var articleId = TestData.NewArticleId();
        Assert.Equal(HttpStatusCode.Accepted, (await reader.PostCommentAsync(articleId, "While the database is away.")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await Moderator.PostAsJsonAsync($"/api/moderation/users/{userId}/ban", new { reason = "Spam account." })).StatusCode);

        // The instance cannot read the ban (a standing event is only a prompt to read the database), so it takes the
        // post; the worker's author-status phase, which reads the database, rejects it.
        var id = await reader.PostAcceptedCommentAsync(articleId, "After the ban.");
        await stack.Api.CreateClientFor(userId).WaitForStatusAsync(id, "rejected");
    }
}
