using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Comments.Api.Infrastructure.Validation;
using Comments.Api.RateLimiting;
using Comments.Moderation.Language;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Comments.Api.Live;

/// <summary>
/// An article's live discussion as Server-Sent Events, for anyone who may read its comments: what the public listing
/// would show after each change, in order, resumable with <c>Last-Event-ID</c> (docs/architecture.md, "Live discussion").
/// </summary>
public static class LiveApi
{
    private const int RetryAfterSeconds = 30;

    public static RouteGroupBuilder MapLiveApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Live");
        api.MapGet("/articles/{articleId}/events", Stream).RequireRateLimiting(RateLimitPolicies.LiveOpens);
        return api;
    }

    public static Results<ServerSentEventsResult<string>, ProblemHttpResult, ValidationProblem> Stream(
        [ArticleId] string articleId, [FromHeader(Name = "Last-Event-ID")] string? lastEventId, HttpContext http, LiveArticles live,
        IHostApplicationLifetime lifetime, IStringLocalizer<ReaderText> text)
    {
        var client = LiveClient.KeyOf(http.Connection.RemoteIpAddress);
        var subscription = live.Open(articleId, client, lastEventId, out var refusal);
        if (subscription is null)
        {
            http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return refusal == LiveRefusal.ClientFull
                ? TypedResults.Problem(title: text[ReaderKeys.RateLimitTitle], statusCode: StatusCodes.Status429TooManyRequests,
                    detail: text.Say(ReaderKeys.RateLimitDetail, ("seconds", RetryAfterSeconds)))
                : TypedResults.Problem(title: text[ReaderKeys.OverloadTitle], statusCode: StatusCodes.Status503ServiceUnavailable,
                    detail: text[ReaderKeys.LiveFullDetail]);
        }
        http.Response.RegisterForDispose(subscription); // frees its place however the request ends
        http.Response.Headers["X-Accel-Buffering"] = "no"; // a reverse proxy (nginx) passes each event on at once
        return TypedResults.ServerSentEvents(Events(subscription, lifetime.ApplicationStopping));
    }

    private static async IAsyncEnumerable<SseItem<string>> Events(LiveSubscription subscription, CancellationToken stopping,
        [EnumeratorCancellation] CancellationToken requestAborted = default)
    {
        foreach (var opening in subscription.Opening)
        {
            yield return opening.ToSseItem();
        }
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(stopping, requestAborted);
        // Ends without an error when the reader leaves, the host stops, or the stream was too slow and closed.
        while (await WaitAsync(subscription, ended.Token))
        {
            while (subscription.Events.TryRead(out var live))
            {
                yield return live.ToSseItem();
            }
        }
    }

    private static async Task<bool> WaitAsync(LiveSubscription subscription, CancellationToken cancellationToken)
    {
        try
        {
            return await subscription.Events.WaitToReadAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
