using Comments.Api.Observability;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comments.Storage.Support;
using Comments.Testing;
using Microsoft.EntityFrameworkCore;

namespace Comments.Api.Tests;

/// <summary>Issue 20, help that answers first: POST /api/help-requests/preview and the count of previews that ended without a request.</summary>
[Collection(StackCollection.Name)]
public sealed class HelpPreviewTests(CommentsStack stack)
{
    private static async Task<JsonElement> PreviewAsync(HttpClient client, object request)
    {
        var response = await client.PostAsJsonAsync("/api/help-requests/preview", request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestData.Json);
    }

    private static List<JsonElement> Answers(JsonElement preview) => [.. preview.GetProperty("answers").EnumerateArray()];

    [Fact]
    public async Task A_reader_with_a_held_comment_is_told_why_it_waits_and_how_many_are_ahead()
    {
        var articleId = TestData.NewArticleId();
        var reader = stack.Api.CreateClientFor(TestData.NewUserId());
        var held = await reader.PostAcceptedCommentAsync(articleId, "The mayor talks utter bullshit about the flood money.");
        await reader.WaitForStatusAsync(held, "held");

        var answers = Answers(await PreviewAsync(reader, new { category = "comment_missing", articleId }));

        var waiting = answers.Single(a => a.GetProperty("kind").GetString() == "comment_waiting");
        Assert.Equal(held, waiting.GetProperty("commentId").GetGuid());
        Assert.Matches(@"^Your comment from \d\d:\d\d UTC is held for review: .+\. (It is next|\d+ comments? (is|are) ahead of it) in the moderators' queue\.$",
            waiting.GetProperty("message").GetString());
        Assert.True(waiting.GetProperty("aheadInQueue").GetInt32() >= 0);
        Assert.Equal("general", answers[^1].GetProperty("kind").GetString());
    }

    [Fact]
    public async Task A_suspended_reader_is_told_until_when_and_why()
    {
        var userId = TestData.NewUserId();
        var moderator = stack.Api.CreateClientFor(TestData.NewUserId("moderator"), "M", "moderator");
        Assert.True((await moderator.PostAsJsonAsync($"/api/moderation/users/{userId}/suspend", new { reason = "cooling off after the flood thread", duration = "3h" })).IsSuccessStatusCode);

        var answers = Answers(await PreviewAsync(stack.Api.CreateClientFor(userId), new { category = "banned_or_suspended" }));

        var suspended = answers.Single(a => a.GetProperty("kind").GetString() == "suspended").GetProperty("message").GetString();
        Assert.Matches(@"^Your account is suspended until \d{4}-\d\d-\d\d \d\d:\d\d UTC\. Reason: cooling off after the flood thread$", suspended);
    }

    [Fact]
    public async Task An_anonymous_caller_gets_general_advice_and_the_articles_state_but_nothing_personal()
    {
        var articleId = TestData.NewArticleId();
        var moderator = stack.Api.CreateClientFor(TestData.NewUserId("moderator"), "M", "moderator");
        Assert.True((await moderator.PutAsJsonAsync($"/api/moderation/articles/{articleId}/settings?siteId=default", new { slowModeSeconds = 60 })).IsSuccessStatusCode);

        var preview = await PreviewAsync(stack.Api.CreateClient(), new { category = "cant_post", articleId });

        Assert.Equal(["slow_mode", "general"], Answers(preview).Select(a => a.GetProperty("kind").GetString()));
        Assert.DoesNotContain("Your comment", preview.GetRawText());
    }

    [Fact]
    public async Task The_answers_come_in_the_readers_language()
    {
        var userId = TestData.NewUserId();
        var moderator = stack.Api.CreateClientFor(TestData.NewUserId("moderator"), "M", "moderator");
        Assert.True((await moderator.PostAsJsonAsync($"/api/moderation/users/{userId}/suspend", new { reason = "Pause", duration = "3h" })).IsSuccessStatusCode);
        var reader = stack.Api.CreateClientFor(userId);
        reader.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de");

        var answers = Answers(await PreviewAsync(reader, new { category = "technical" }));

        Assert.StartsWith("Ihr Konto ist bis ", answers[0].GetProperty("message").GetString());
        Assert.EndsWith(" Grund: Pause", answers[0].GetProperty("message").GetString());
        Assert.Equal(ReaderTextOf.Get("de", global::Comments.Moderation.Language.ReaderKeys.AdviceTechnical), answers[^1].GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("""{"category":"nonsense"}""")]
    [InlineData("""{"articleId":"<script>"}""")]
    [InlineData("""not json""")]
    public async Task Bad_input_is_a_400_problem(string body)
    {
        var response = await stack.Api.CreateClient().PostAsync("/api/help-requests/preview", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Previews_are_counted_and_one_followed_by_a_request_is_not_counted_as_ended_without_one()
    {
        var support = stack.Api.CreateClientFor(TestData.NewUserId("support"), "Sam", "support");
        var before = (await support.GetFromJsonAsync<JsonElement>("/api/support/stats", TestData.Json)).GetProperty("helpPreviews");
        // This API's own meters: the process holds other tests' API hosts with meters of the same name.
        var meters = stack.Api.Services.GetRequiredService<IMeterFactory>();
        using var previews = new MetricCollector<long>(meters, IntakeMetrics.MeterName, "help.previews");
        using var followedCounter = new MetricCollector<long>(meters, IntakeMetrics.MeterName, "help.previews.followed");
        var reader = stack.Api.CreateClientFor(TestData.NewUserId());
        var followed = (await PreviewAsync(reader, new { category = "other" })).GetProperty("previewId").GetGuid();
        await PreviewAsync(reader, new { category = "technical" });
        await using (var db = TestServices.CreateDbContext())
        {
            // One left alone for longer than the request window (30 minutes).
            db.HelpPreviews.Add(new HelpPreview { Id = Guid.NewGuid(), SiteId = "default", CreatedAt = DateTimeOffset.UtcNow.AddHours(-1) });
            await db.SaveChangesAsync();
        }

        var sent = await reader.PostAsJsonAsync("/api/help-requests", new { message = "The preview did not answer my question.", category = "other", previewId = followed });
        var again = await reader.PostAsJsonAsync("/api/help-requests", new { message = "Sending a second one with the same preview.", category = "other", previewId = followed });

        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        await using (var db = TestServices.CreateDbContext())
        {
            Assert.NotNull((await db.HelpPreviews.SingleAsync(p => p.Id == followed)).RequestedAt);
        }
        var after = (await support.GetFromJsonAsync<JsonElement>("/api/support/stats", TestData.Json)).GetProperty("helpPreviews");
        Assert.True(after.GetProperty("previews").GetInt32() - before.GetProperty("previews").GetInt32() >= 3, after.GetRawText());
        Assert.True(after.GetProperty("followedByRequest").GetInt32() - before.GetProperty("followedByRequest").GetInt32() >= 1, after.GetRawText());
        Assert.True(after.GetProperty("endedWithoutRequest").GetInt32() - before.GetProperty("endedWithoutRequest").GetInt32() >= 1, after.GetRawText());
        Assert.Equal(2, previews.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.Equal(1, followedCounter.GetMeasurementSnapshot().EvaluateAsCounter());
    }

    [Fact]
    public async Task Previews_are_rate_limited_like_help_requests()
    {
        await using var api = new ApiFactory(productionRateLimits: true);
        var client = api.CreateClientFor(TestData.NewUserId());
        HttpResponseMessage response;
        var sent = 0;
        do
        {
            response = await client.PostAsJsonAsync("/api/help-requests/preview", new { category = "other" });
            sent++;
        }
        while (response.StatusCode == HttpStatusCode.OK && sent < 100);

        await ProblemAssert.IsProblemAsync(response, (HttpStatusCode)429);
        Assert.Equal(21, sent);
    }
}
