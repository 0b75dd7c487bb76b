using Comments.Api.Auth;
using Comments.Api.Infrastructure;
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
/// A signed-in reader's notifications (created by the worker from the bus's events, and by support's replies): the
/// list with the unread count, and marking read. Every query is bound to the caller's own user id.
/// </summary>
public static class NotificationsApi
{
    private const string CursorSort = "notifications";

    private static IQueryable<Notification> Mine(this IQueryable<Notification> notifications, string siteId, string userId) =>
        notifications.Where(n => n.SiteId == siteId && n.UserId == userId);

    public static RouteGroupBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/me/notifications").WithTags("Notifications").RequireAuthorization(Policies.Commenter);
        api.MapGet("/", List);
        api.MapPost("/read", MarkRead);
        return api;
    }

    public static async Task<Results<Ok<NotificationPage>, ValidationProblem>> List(
        string? cursor, int? limit, HttpContext http, CommentsDbContext db, IStringLocalizer<ReaderText> text, IOptions<CommentOptions> options,
        CancellationToken cancellationToken)
    {
        var errors = Paging.Validate(limit, cursor, CursorSort, out var position);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var userId = http.User.UserId()!;
        var mine = db.Notifications.AsNoTracking().Mine(options.Value.SiteId, userId);
        var unread = await mine.CountAsync(n => n.ReadAt == null, cancellationToken);
        if (position is not null)
        {
            mine = mine.Where(n => EF.Functions.LessThan(ValueTuple.Create(n.CreatedAt, n.Id), ValueTuple.Create(position.CreatedAt, position.Id)));
        }
        var page = await mine.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).ToPageAsync(limit ?? Paging.DefaultPageSize,
            last => new ListingCursor(CursorSort, 0, last.CreatedAt, last.Id),
            async rows => (await NotificationFacts.LoadAsync(db, rows, cancellationToken)).Select(facts => NotificationView.From(text, facts)).ToList(), cancellationToken);
        return TypedResults.Ok(new NotificationPage(page.Items, page.NextCursor, unread));
    }

    /// <summary>An id that is not one of the caller's own notifications is a 400 and nothing is marked.</summary>
    public static async Task<Results<Ok<UnreadCount>, ValidationProblem>> MarkRead(
        MarkReadRequest? request, HttpContext http, CommentsDbContext db, TimeProvider clock, IOptions<CommentOptions> options, CancellationToken cancellationToken)
    {
        var userId = http.User.UserId()!;
        var mine = db.Notifications.Mine(options.Value.SiteId, userId);
        var marked = mine.Where(n => n.ReadAt == null);
        if (request?.Ids is { } ids)
        {
            var distinct = ids.Distinct().ToList();
            if (await mine.CountAsync(n => distinct.Contains(n.Id), cancellationToken) != distinct.Count)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["ids"] = ["ids must name your own notifications."] });
            }
            marked = marked.Where(n => distinct.Contains(n.Id));
        }
        if (request?.UpTo is { } upTo)
        {
            var last = await mine.AsNoTracking().Where(n => n.Id == upTo).Select(n => new { n.CreatedAt, n.Id }).FirstOrDefaultAsync(cancellationToken);
            if (last is null)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["upTo"] = ["upTo must name one of your notifications."] });
            }
            marked = marked.Where(n => EF.Functions.LessThanOrEqual(ValueTuple.Create(n.CreatedAt, n.Id), ValueTuple.Create(last.CreatedAt, last.Id)));
        }
        var now = clock.GetUtcNow();
        await marked.ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, now), cancellationToken);
        return TypedResults.Ok(new UnreadCount(await mine.CountAsync(n => n.ReadAt == null, cancellationToken)));
    }
}
