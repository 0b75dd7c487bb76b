using System.Net;
using System.Net.Http.Json;
using Comments.Testing;

namespace Comments.Api.Tests;

/// <summary>The production limits: over them a reader gets 429 with Retry-After, and nobody else is slowed.</summary>
[Collection(StackCollection.Name)]
public sealed class RateLimitTests : IAsyncLifetime
{
    private readonly ApiFactory _api = new(productionRateLimits: true);

    public Task InitializeAsync()
    {
        _api.StartServer();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private static async Task AssertTooManyAsync(HttpResponseMessage response)
    {
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.TooManyRequests);
        Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "Retry-After in seconds");
    }

    [Fact]
    public async Task Beyond_the_instance_s_intake_concurrency_new_comments_get_503_with_retry_after_and_nothing_is_stored_for_them()
    {
        await using var narrow = new ApiFactory(new Dictionary<string, string?> { ["RateLimits:IntakeConcurrency"] = "1", ["RateLimits:IntakeQueue"] = "2" });
        var articleId = TestData.NewArticleId();
        var clients = Enumerable.Range(0, 40).Select(_ => narrow.CreateClientFor(TestData.NewUserId())).ToList();

        var responses = await Task.WhenAll(clients.Select((client, i) => client.PostCommentAsync(articleId, $"All at once, number {i}.")));

        var refused = responses.Where(r => r.StatusCode == HttpStatusCode.ServiceUnavailable).ToList();
        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Accepted, HttpStatusCode.ServiceUnavailable }));
        Assert.NotEmpty(refused);
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.Accepted);
        foreach (var response in refused)
        {
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable);
            Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "Retry-After in seconds");
        }
        var accepted = responses.Count(r => r.StatusCode == HttpStatusCode.Accepted);
        await Eventually.Until(() => TestData.StoredCommentCountAsync(articleId), count => count == accepted, what: "the accepted comments stored");
    }

    [Fact]
    public async Task New_comments_beyond_the_intake_concurrency_wait_in_its_queue_and_are_all_accepted()
    {
        await using var narrow = new ApiFactory(new Dictionary<string, string?> { ["RateLimits:IntakeConcurrency"] = "1", ["RateLimits:IntakeQueue"] = "40" });
        var articleId = TestData.NewArticleId();
        var clients = Enumerable.Range(0, 40).Select(_ => narrow.CreateClientFor(TestData.NewUserId())).ToList();

        var responses = await Task.WhenAll(clients.Select((client, i) => client.PostCommentAsync(articleId, $"In turn, number {i}.")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        await Eventually.Until(() => TestData.StoredCommentCountAsync(articleId), count => count == 40, what: "all 40 comments stored");
    }

    [Fact]
    public async Task Posting_allows_a_burst_of_three_then_429_while_others_are_unaffected()
    {
        var articleId = TestData.NewArticleId();
        var busy = _api.CreateClientFor(TestData.NewUserId());
        var calm = _api.CreateClientFor(TestData.NewUserId());

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await busy.PostCommentAsync(articleId, $"Burst comment {i}.")).StatusCode);
        }
        var fourth = await busy.PostCommentAsync(articleId, "One too many.");

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.Accepted, status));
        await AssertTooManyAsync(fourth);
        Assert.Equal(HttpStatusCode.Accepted, (await calm.PostCommentAsync(articleId, "A calm reader is not throttled.")).StatusCode);
    }

    [Fact]
    public async Task Reports_and_reactions_have_their_own_limits()
    {
        var reader = _api.CreateClientFor(TestData.NewUserId());
        var target = Guid.NewGuid();

        var reports = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++)
        {
            reports.Add(await reader.PostAsJsonAsync($"/api/comments/{target}/reports", new { reason = "spam" }));
        }
        var reactions = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++)
        {
            reactions.Add(await reader.PutAsync($"/api/comments/{target}/reactions/respect", null));
        }

        Assert.Equal(HttpStatusCode.NotFound, reports[1].StatusCode);
        await AssertTooManyAsync(reports[2]);
        Assert.Equal(HttpStatusCode.NotFound, reactions[1].StatusCode);
        await AssertTooManyAsync(reactions[2]);
    }

    [Fact]
    public async Task Help_requests_are_limited_to_five_an_hour()
    {
        var reader = _api.CreateClientFor(TestData.NewUserId());
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await reader.PostAsJsonAsync("/api/help-requests", new { category = "other", message = $"Question number {i} about commenting." })).StatusCode);
        }

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.Accepted, status));
        await AssertTooManyAsync(await reader.PostAsJsonAsync("/api/help-requests", new { category = "other", message = "One question too many." }));
    }

    [Fact]
    public async Task Lookups_of_help_requests_by_reference_are_limited_so_access_codes_cannot_be_guessed()
    {
        var anonymous = _api.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            statuses.Add((await anonymous.GetAsync($"/api/help-requests/HR-{i:D5}?token=guess{i}")).StatusCode);
        }

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.NotFound, status));
        await AssertTooManyAsync(await anonymous.GetAsync("/api/help-requests/HR-22222?token=one-guess-too-many"));
    }

    [Fact]
    public async Task Draft_checks_are_limited_so_the_word_lists_and_classifiers_cannot_be_probed()
    {
        var reader = _api.CreateClientFor(TestData.NewUserId());
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await reader.PostAsJsonAsync("/api/comments/check", new { body = $"Is word number {i} allowed here?" })).StatusCode);
        }

        await AssertTooManyAsync(await reader.PostAsJsonAsync("/api/comments/check", new { body = "And this one?" }));
        Assert.Equal(HttpStatusCode.OK, (await _api.CreateClientFor(TestData.NewUserId()).PostAsJsonAsync("/api/comments/check", new { body = "Another reader's draft." })).StatusCode);
    }

    [Fact]
    public async Task Behind_a_known_proxy_anonymous_limits_count_each_client_and_an_unknown_proxy_cannot_choose_an_address()
    {
        // Every request reaches the API from 10.0.0.5, the proxy, as it would behind a load balancer.
        static ApiFactory BehindProxy(string? knownNetwork)
        {
            var settings = new Dictionary<string, string?> { ["RateLimits:HelpRequestLookupsPerWindow"] = "1" };
            if (knownNetwork is not null)
            {
                settings["Proxies:KnownNetworks:0"] = knownNetwork;
            }
            return new(settings, productionRateLimits: true, remoteAddress: System.Net.IPAddress.Parse("10.0.0.5"));
        }
        async Task<HttpStatusCode> LookUpAsync(ApiFactory api, string client)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/help-requests/HR-22222?token=x");
            request.Headers.Add("X-Forwarded-For", client);
            return (await api.CreateClient().SendAsync(request)).StatusCode;
        }

        await using var trusted = BehindProxy("10.0.0.0/8");
        Assert.Equal(HttpStatusCode.NotFound, await LookUpAsync(trusted, "203.0.113.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await LookUpAsync(trusted, "203.0.113.1"));
        Assert.Equal(HttpStatusCode.NotFound, await LookUpAsync(trusted, "203.0.113.2"));

        await using var untrusted = BehindProxy(null);
        Assert.Equal(HttpStatusCode.NotFound, await LookUpAsync(untrusted, "203.0.113.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await LookUpAsync(untrusted, "203.0.113.2"));
    }
}
