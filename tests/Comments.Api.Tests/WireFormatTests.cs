using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comments.Storage;
using Comments.Storage.Reports;
using Comments.Storage.Support;
using Comments.Testing;

namespace Comments.Api.Tests;

/// <summary>Issue 18: closed vocabularies travel by their snake_case names, both ways, and a wrong name is a field error.</summary>
[Collection(StackCollection.Name)]
public sealed class WireFormatTests(CommentsStack stack)
{
    [Fact]
    public void Every_name_is_snake_case_and_reads_back_as_its_value()
    {
        Assert.Equal("waiting_on_reader", HelpRequestStatus.WaitingOnReader.WireName());
        Assert.Equal("off_topic", ReportReason.OffTopic.WireName());
        Assert.All(Enum.GetValues<HelpRequestCategory>(), c => Assert.Equal(c, WireNames<HelpRequestCategory>.Parse(c.WireName())));
        Assert.False(WireNames<HelpRequestStatus>.TryParse("WaitingOnReader", out _), "only the wire spelling is read");
        Assert.False(WireNames<HelpRequestStatus>.TryParse("2", out _), "numbers are not names");
    }

    [Fact]
    public async Task An_unknown_enum_name_in_a_body_is_a_validation_error_on_its_field_listing_the_names()
    {
        var reader = stack.Api.CreateClientFor(TestData.NewUserId());
        var response = await reader.PostAsJsonAsync("/api/help-requests", new { category = "cant-post", message = "The post button does nothing at all." });

        var problem = await ValidationErrorsAsync(response);
        Assert.Contains("cant_post", problem.GetProperty("category")[0].GetString());
    }

    [Fact]
    public async Task A_number_for_an_enum_in_a_body_is_refused()
    {
        var reader = stack.Api.CreateClientFor(TestData.NewUserId());
        var response = await reader.PostAsJsonAsync("/api/help-requests", new { category = 1, message = "The post button does nothing at all." });

        var problem = await ValidationErrorsAsync(response);
        Assert.True(problem.TryGetProperty("category", out _), $"an error on category, got {problem}");
    }

    [Fact]
    public async Task Support_stats_are_keyed_by_wire_names()
    {
        var reader = stack.Api.CreateClientFor(TestData.NewUserId());
        Assert.Equal(HttpStatusCode.Accepted,
            (await reader.PostAsJsonAsync("/api/help-requests", new { category = "cant_post", message = "The post button does nothing at all." })).StatusCode);
        var support = stack.Api.CreateClientFor(TestData.NewUserId("support"), "Sam Support", "support");

        var stats = await Eventually.Until(async () => await support.GetFromJsonAsync<JsonElement>("/api/support/stats", TestData.Json),
            s => s.GetProperty("openByCategory").TryGetProperty("cant_post", out _), what: "cant_post among the open categories");
        Assert.All(stats.GetProperty("openByPriority").EnumerateObject(), p => Assert.True(WireNames<HelpRequestPriority>.TryParse(p.Name, out _), p.Name));
    }

    [Fact]
    public async Task An_annotated_rule_answers_a_validation_problem_naming_the_field_before_the_handler_runs()
    {
        var support = stack.Api.CreateClientFor(TestData.NewUserId("support"), "Sam Support", "support");
        var response = await support.PostAsJsonAsync($"/api/support/help-requests/{Guid.NewGuid()}/notes", new { body = "   " });

        var errors = await ValidationErrorsAsync(response);
        Assert.True(errors.TryGetProperty("body", out var body), $"an error on body, got {errors}");
        Assert.Equal("body must be 1 to 5,000 characters.", body[0].GetString());
    }

    [Fact]
    public async Task An_annotated_route_value_is_checked_before_the_handler_runs()
    {
        var response = await stack.Api.CreateClient().GetAsync("/api/articles/has%20space/stats");

        var errors = await ValidationErrorsAsync(response);
        Assert.True(errors.TryGetProperty("articleId", out _), $"an error on articleId, got {errors}");
    }

    private static async Task<JsonElement> ValidationErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestData.Json);
        Assert.True(body.TryGetProperty("errors", out var errors), $"a validation problem with errors, got {body}");
        return errors;
    }
}
