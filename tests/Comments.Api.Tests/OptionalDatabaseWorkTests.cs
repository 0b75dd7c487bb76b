using Comments.Api.Infrastructure;
using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comments.Storage;
using Comments.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Polly.Registry;

namespace Comments.Api.Tests;

[Collection(StackCollection.Name)]
public sealed class OptionalDatabaseWorkTests(CommentsStack stack)
{
    [Fact]
    public async Task Once_the_database_keeps_failing_the_work_is_skipped_without_asking_it()
    {
        var work = NewOptionalDatabaseWork();
        var asked = 0;

        var results = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            results.Add(await work.TryAsync("ask a database that is away", (_, _) => { asked++; return Task.FromException<string>(new DatabaseAway()); }, "went on"));
        }

        Assert.All(results, result => Assert.Equal("went on", result));
        Assert.InRange(asked, 10, 11);
    }

    [Fact]
    public async Task Work_that_takes_longer_than_its_deadline_is_given_up_and_the_fallback_returned()
    {
        var work = NewOptionalDatabaseWork();

        var result = await work.TryAsync("wait for a database that hangs", async (_, token) => { await Task.Delay(TimeSpan.FromMinutes(1), token); return "answered"; }, "went on");

        Assert.Equal("went on", result);
    }

    [Fact]
    public async Task Work_that_ignores_the_deadline_is_not_waited_for()
    {
        var work = NewOptionalDatabaseWork();

        var result = await work.TryAsync("wait for a connection that hangs", async (_, _) => { await Task.Delay(TimeSpan.FromSeconds(20)); return "answered"; }, "went on");

        Assert.Equal("went on", result);
    }

    [Fact]
    public async Task With_the_database_unreachable_new_comments_are_still_accepted_and_stored_once_it_is_back()
    {
        // This API instance cannot reach PostgreSQL; the worker (and so the comments' storage) can.
        await using var noDatabase = new ApiFactory(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Comments"] = "Host=127.0.0.1;Port=1;Username=postgres;Database=comments;Timeout=1",
        });
        var articleId = TestData.NewArticleId();

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 15; i++)
        {
            responses.Add(await noDatabase.CreateClientFor(TestData.NewUserId()).PostCommentAsync(articleId, $"Posted while the database was away, number {i}."));
        }

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.Accepted, response.StatusCode));
        var last = (await responses[^1].Content.ReadFromJsonAsync<JsonElement>(TestData.Json)).GetProperty("id").GetGuid();
        await stack.Api.CreateClient().WaitForStatusAsync(last, "approved");
        await Eventually.Until(() => TestData.StoredCommentCountAsync(articleId), count => count == 15, what: "all 15 stored by the worker");
    }

    /// <summary>Optional work on the test database with a circuit of its own (also for <see cref="PendingRowTests"/>).</summary>
    internal static OptionalDatabaseWork NewOptionalDatabaseWork()
    {
        // A pipeline of its own: the running API's circuit must not open because of these tests.
        var registry = new ResiliencePipelineRegistry<string>();
        registry.TryAddBuilder(OptionalDatabaseWork.PipelineName, (builder, _) => OptionalDatabaseWork.Configure(builder));
        return new OptionalDatabaseWork(registry, new PooledDbContextFactory<CommentsDbContext>(new DbContextOptionsBuilder<CommentsDbContext>().UseCommentsDatabase(TestServices.ConnectionString).Options), NullLogger<OptionalDatabaseWork>.Instance);
    }

    private sealed class DatabaseAway() : DbException("connection refused");
}
