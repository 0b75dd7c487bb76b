using System.Net;
using System.Text.RegularExpressions;
using Comments.Contracts;
using Comments.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Comments.Api.Tests;

[Collection(StackCollection.Name)]
public sealed class MessagingTests(CommentsStack stack)
{
    [Fact]
    public async Task Redelivered_message_stores_one_comment_and_one_decision()
    {
        var message = new CommentSubmitted
        {
            CommentId = Guid.CreateVersion7(),
            ArticleId = TestData.NewArticleId(),
            AuthorId = TestData.NewUserId(),
            AuthorName = "Twice",
            Body = "Sent more than once",
            SubmittedAt = DateTimeOffset.UtcNow,
        };
        var queue = await stack.Api.Services.GetRequiredService<IBus>().GetSendEndpoint(new Uri($"queue:{QueueNames.ModerateComment}"));

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => queue.Send(message)));
        await using var db = TestServices.CreateDbContext();
        // The copies race for the row, so they may be decided after a later comment: wait for the message's own
        // decision, then for a sentinel sent after it, by which time any copy still retrying has had its turn too.
        await Eventually.Until(() => db.Decisions.AsNoTracking().CountAsync(d => d.CommentId == message.CommentId),
            count => count >= 1, what: "the message sent four times to be decided");
        var sentinel = await stack.Api.CreateClientFor(TestData.NewUserId()).PostAcceptedCommentAsync(message.ArticleId, "after");
        await Eventually.Until(() => db.Comments.AsNoTracking().CountAsync(c => c.Id == sentinel && c.Status != Storage.Comments.CommentStatus.Pending),
            count => count == 1, what: "the sentinel to be decided");

        Assert.Equal(1, await db.Comments.CountAsync(c => c.Id == message.CommentId));
        Assert.Equal(1, await db.Decisions.CountAsync(d => d.CommentId == message.CommentId));
    }

    [Fact]
    public async Task Unreachable_broker_gives_503_with_retry_after_and_stores_nothing()
    {
        await using var cutOff = new ApiFactory(new Dictionary<string, string?>
        {
            ["RabbitMq:Port"] = "1",
            ["Intake:AttemptTimeout"] = "00:00:00.500",
            ["Intake:RetryAttempts"] = "1",
        });
        var articleId = TestData.NewArticleId();
        var client = cutOff.CreateClientFor(TestData.NewUserId());

        var response = await client.PostCommentAsync(articleId, "Nobody will hear this");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(0, await TestData.StoredCommentCountAsync(articleId));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await cutOff.CreateClient().GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task Once_sends_keep_failing_the_circuit_opens_and_intake_answers_503_without_trying_the_broker()
    {
        await using var cutOff = new ApiFactory(new Dictionary<string, string?>
        {
            ["RabbitMq:Port"] = "1",
            ["Intake:AttemptTimeout"] = "00:00:00.200",
            ["Intake:RetryAttempts"] = "0",
            ["Intake:BreakerMinimumThroughput"] = "3",
            ["Intake:BreakerBreakDuration"] = "00:01:00",
        });
        var articleId = TestData.NewArticleId();
        var scrape = cutOff.CreateClient();
        var shedBefore = await ShedCountAsync(scrape);

        for (var i = 0; i < 6; i++)
        {
            var response = await cutOff.CreateClientFor(TestData.NewUserId()).PostCommentAsync(articleId, $"Knocking on a closed door, {i}.");
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable);
            Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        }

        // Three sends failed and opened the circuit; the other three were answered without trying the broker.
        await Eventually.Until(() => ShedCountAsync(scrape), count => count - shedBefore == 3, what: "three requests shed by the open circuit");
        Assert.Equal(0, await TestData.StoredCommentCountAsync(articleId));
    }

    [Fact]
    public async Task While_the_worker_is_down_intake_reads_and_health_keep_answering_and_the_queue_is_worked_off_later()
    {
        var articleId = TestData.NewArticleId();
        var author = stack.Api.CreateClientFor(TestData.NewUserId());
        var anonymous = stack.Api.CreateClient();
        var ids = new List<Guid>();
        await stack.StopWorkerAsync();
        try
        {
            for (var i = 0; i < 30; i++)
            {
                ids.Add(await author.PostAcceptedCommentAsync(articleId, $"Posted while the worker is away, number {i}."));
            }
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/articles/{articleId}/comments")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/articles/{articleId}/stats")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/ready")).StatusCode);
        }
        finally
        {
            await stack.StartWorkerAsync();
        }
        await using var db = TestServices.CreateDbContext();
        await Eventually.Until(() => db.Comments.AsNoTracking().CountAsync(c => c.ArticleId == articleId && c.Status == Storage.Comments.CommentStatus.Approved),
            count => count == ids.Count, what: "the backlog to be decided");
    }

    [Fact]
    public async Task Health_endpoints_report_live_and_ready()
    {
        var client = stack.Api.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await Eventually.Until(() => client.GetAsync("/health/ready"), r => r.IsSuccessStatusCode, what: "readiness");
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    /// <summary>The shed counter as the scrape endpoint shows it (summed over series: meters of other hosts in this test process may show too).</summary>
    private static async Task<long> ShedCountAsync(HttpClient scrape)
    {
        var text = await (await scrape.GetAsync("/metrics")).Content.ReadAsStringAsync();
        return Regex.Matches(text, @"^comments_intake_shed_total(?:\{[^}]*\})? (\d+)", RegexOptions.Multiline)
            .Sum(match => long.Parse(match.Groups[1].Value));
    }
}
