using System.Net;
using Comments.Testing;

namespace Comments.Api.Tests;

[Collection(StackCollection.Name)]
public sealed class MetricsTests(CommentsStack stack)
{
    [Fact]
    public async Task The_scrape_endpoint_shows_intake_queue_depth_consumer_lag_decisions_and_classifier_time_in_prometheus_format()
    {
        // An API host of its own: the shared one's metric streams are also fed by same-named meters of the many hosts
        // other tests start and dispose in this process, and a scrape of it was seen to carry none of them.
        await using var api = new ApiFactory();
        var id = await api.CreateClientFor(TestData.NewUserId()).PostAcceptedCommentAsync(TestData.NewArticleId(), "Counting what waits.");
        await api.CreateClientFor("x").WaitForStatusAsync(id, "approved");
        var client = api.CreateClient();

        var text = await Eventually.Until(async () => await (await client.GetAsync("/metrics")).Content.ReadAsStringAsync(),
            body => body.Contains("comments_queue_depth") && body.Contains("comments_moderation_lag_seconds_bucket"), what: "the queue metrics");

        Assert.Contains("comments_queue_depth{otel_scope_name=\"Comments.Worker\",queue=\"moderate-comment\"}", text.Replace("otel_scope_version=\"\",", ""));
        Assert.Contains("comments_queue_consumers", text);
        Assert.Contains("comments_intake_total{otel_scope_name=\"Comments.Api\",outcome=\"accepted\"}", text.Replace("otel_scope_version=\"\",", ""));
        Assert.Contains("comments_moderation_decision_latency_seconds_bucket", text);
        Assert.Contains("comments_moderation_decisions_total", text);
        Assert.Contains("comments_classifier_duration_milliseconds_bucket", text);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task Metrics_answer_only_this_machine_and_the_configured_scrapers_network()
    {
        await using var outside = new ApiFactory(remoteAddress: IPAddress.Parse("203.0.113.9"));
        await using var scraper = new ApiFactory(new Dictionary<string, string?> { ["Metrics:AllowedNetworks:0"] = "10.20.0.0/16" }, remoteAddress: IPAddress.Parse("10.20.3.4"));

        Assert.Equal(HttpStatusCode.NotFound, (await outside.CreateClient().GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await scraper.CreateClient().GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await stack.Api.CreateClient().GetAsync("/metrics")).StatusCode);
    }
}
