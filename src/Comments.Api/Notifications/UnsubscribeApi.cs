using Comments.Moderation.Language;
using Comments.Moderation.Notifications;
using Comments.Storage;
using Comments.Storage.Notifications;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Comments.Api.Notifications;

/// <summary>
/// The unsubscribe link of notification mails, without signing in: its token (<see cref="UnsubscribeToken"/>) names
/// the reader and expires. <c>GET</c> asks, <c>POST</c> turns mail off (RFC 8058 one-click). A token that is tampered
/// with or expired is a 400 and changes nothing.
/// </summary>
public static class UnsubscribeApi
{
    private const string Html = "text/html; charset=utf-8";

    public static RouteGroupBuilder MapUnsubscribeApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/unsubscribe").WithTags("Notifications");
        api.MapGet("/", Ask);
        api.MapPost("/", Unsubscribe);
        return api;
    }

    public static Results<ContentHttpResult, ProblemHttpResult> Ask(
        string? token, IOptions<NotificationOptions> options, IStringLocalizer<ReaderText> text, TimeProvider clock) =>
        UnsubscribeToken.TryRead(token, clock.GetUtcNow(), options.Value.UnsubscribeKey, out _, out _)
            ? TypedResults.Content(UnsubscribePage.Confirm(text, token!), Html)
            : Refused(text);

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> Unsubscribe(
        string? token, IOptions<NotificationOptions> options, IStringLocalizer<ReaderText> text, CommentsDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!UnsubscribeToken.TryRead(token, now, options.Value.UnsubscribeKey, out var siteId, out var userId))
        {
            return Refused(text);
        }
        await db.ReaderPreferences.Where(p => p.SiteId == siteId && p.UserId == userId)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.MailEnabled, false).SetProperty(p => p.UpdatedAt, now), cancellationToken);
        return TypedResults.Content(UnsubscribePage.Done(text), Html);
    }

    private static ProblemHttpResult Refused(IStringLocalizer text) => TypedResults.Problem(title: text[ReaderKeys.UnsubscribeRefusedTitle],
        detail: text[ReaderKeys.UnsubscribeRefusedDetail], statusCode: StatusCodes.Status400BadRequest);
}
