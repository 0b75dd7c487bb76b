using Comments.Api.Auth;
using Comments.Api.Infrastructure;
using Comments.Storage;
using Comments.Storage.Audit;
using Comments.Storage.Comments;
using Comments.Storage.Comments.Lifecycle;
using Comments.Storage.Notifications;
using Comments.Storage.Support;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Comments.Api.Support;

/// <summary>The support desk: the triage queue, a request with context and thread, status work, replies, notes and appeals.</summary>
public static class SupportApi
{
    public static RouteGroupBuilder MapSupportApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/support").WithTags("Support").RequireAuthorization(Policies.Support);
        api.MapGet("/help-requests", List);
        api.MapGet("/help-requests/{id:guid}", Get);
        api.MapPatch("/help-requests/{id:guid}", Change);
        api.MapPost("/help-requests/{id:guid}/replies", Reply);
        api.MapPost("/help-requests/{id:guid}/notes", Note);
        api.MapPost("/help-requests/{id:guid}/escalations", Escalate);
        api.MapGet("/stats", SupportStats.GetAsync);
        return api;
    }

    /// <summary>Ordered by priority, then age (oldest first). Spam is left out unless asked for.</summary>
    public static async Task<Results<Ok<Page<SupportHelpRequestView>>, ValidationProblem>> List(
        string? status, string? category, string? priority, string? assignee, bool? spam, string? cursor, int? limit,
        CommentsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = Paging.Validate(limit, cursor, "support", out var position);
        var byStatus = Filter<HelpRequestStatus>(status, "status", errors);
        var byCategory = Filter<HelpRequestCategory>(category, "category", errors);
        var byPriority = Filter<HelpRequestPriority>(priority, "priority", errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var requests = db.HelpRequests.AsNoTracking().Where(r => r.IsSpam == (spam ?? false));
        if (byStatus is { } s) requests = requests.Where(r => r.Status == s);
        if (byCategory is { } c) requests = requests.Where(r => r.Category == c);
        if (byPriority is { } p) requests = requests.Where(r => r.Priority == p);
        if (assignee is not null) requests = requests.Where(r => r.AssigneeId == assignee);
        // The cursor's first number is the priority rank here.
        if (position is not null)
        {
            requests = requests.Where(r => EF.Functions.GreaterThan(ValueTuple.Create(r.PriorityRank, r.CreatedAt, r.Id),
                ValueTuple.Create(position.ReplyCount, position.CreatedAt, position.Id)));
        }
        var pageSize = limit ?? Paging.DefaultPageSize;
        var now = clock.GetUtcNow();
        return TypedResults.Ok(await requests.OrderBy(r => r.PriorityRank).ThenBy(r => r.CreatedAt).ThenBy(r => r.Id).ToPageAsync(pageSize,
            last => new ListingCursor("support", last.PriorityRank, last.CreatedAt, last.Id), r => SupportHelpRequestView.From(r, now), cancellationToken));
    }

    public static async Task<Results<Ok<SupportHelpRequestView>, NotFound>> Get(Guid id, CommentsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var request = await db.HelpRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null)
        {
            return TypedResults.NotFound();
        }
        var commentAuthor = request.CommentId is { } commentId
            ? await db.Comments.Where(c => c.Id == commentId).Select(c => c.AuthorId).FirstOrDefaultAsync(cancellationToken)
            : null;
        return TypedResults.Ok(SupportHelpRequestView.From(request, clock.GetUtcNow(), await Threads.LoadAsync(db, id, readerOnly: false, cancellationToken)) with
        {
            CommentAuthorId = commentAuthor,
        });
    }

    public static async Task<Results<Ok<SupportHelpRequestView>, NotFound, ValidationProblem>> Change(
        Guid id, HelpRequestChange change, HttpContext http, CommentsDbContext db, TimeProvider clock)
    {
        var request = await db.HelpRequests.FirstOrDefaultAsync(r => r.Id == id, http.RequestAborted);
        if (request is null)
        {
            return TypedResults.NotFound();
        }
        var errors = new Dictionary<string, string[]>();
        if (change.Status is { } status && status != request.Status && !HelpDesk.CanMove(request.Status, status))
            errors["status"] = [$"cannot move from {request.Status.WireName()} to {status.WireName()}."];
        if (change.Assignee is { Length: > 200 }) errors["assignee"] = ["assignee is too long."];
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var me = http.User.UserId()!;
        var now = clock.GetUtcNow();
        void Record(HelpRequestEventKind kind, string? before, string? after, bool visible) =>
            db.HelpRequestEvents.Add(HelpRequestEvent.Create(id, kind, me, now, visible, before: before, after: after));
        if (change.Status is { } newStatus && newStatus != request.Status)
        {
            Record(HelpRequestEventKind.Status, request.Status.WireName(), newStatus.WireName(), visible: true);
            request.Status = newStatus;
        }
        if (change.Priority is { } newPriority && newPriority != request.Priority)
        {
            Record(HelpRequestEventKind.Priority, request.Priority.WireName(), newPriority.WireName(), visible: false);
            request.Priority = newPriority;
            request.FirstReplyDueAt = request.CreatedAt + HelpDesk.FirstReplyWithin(newPriority);
        }
        if (change.Assignee is { } assignee && assignee != request.AssigneeId)
        {
            Record(HelpRequestEventKind.Assignee, request.AssigneeId, assignee.Length == 0 ? null : assignee, visible: false);
            request.AssigneeId = assignee.Length == 0 ? null : assignee;
        }
        request.UpdatedAt = now;
        await db.SaveChangesAsync(http.RequestAborted);
        return TypedResults.Ok(SupportHelpRequestView.From(request, now, await Threads.LoadAsync(db, id, readerOnly: false, http.RequestAborted)));
    }

    /// <summary>A reply the reader sees (and receives by e-mail when we have an address); the first one meets the service level.</summary>
    public static async Task<Results<Created<ThreadEntry>, NotFound, ValidationProblem>> Reply(
        Guid id, TextRequest body, HttpContext http, CommentsDbContext db, IMailSender mail, TimeProvider clock, IOptions<CommentOptions> options)
    {
        var request = await db.HelpRequests.FirstOrDefaultAsync(r => r.Id == id, http.RequestAborted);
        if (request is null) return TypedResults.NotFound();
        var now = clock.GetUtcNow();
        var entry = db.HelpRequestEvents.Add(HelpRequestEvent.Create(id, HelpRequestEventKind.Reply, http.User.UserId()!, now, visibleToReader: true, body: body.Body!.Trim())).Entity;
        request.FirstReplyAt ??= now;
        if (request.Status == HelpRequestStatus.New) request.Status = HelpRequestStatus.Open;
        request.UpdatedAt = now;
        var to = request.Email ?? request.ContactEmail;
        if (to is not null)
        {
            await mail.SendAsync(to, $"Re: your help request {request.Reference}", entry.Body!, id, http.RequestAborted);
        }
        if (request.RequesterId is { } requester)
        {
            // In this unit of work, so the reader is told exactly when the reply exists; the reply's own mail is its
            // e-mail, so the notification counts as mailed then and stays out of the digest.
            db.Notifications.Add(new Notification
            {
                Id = Guid.CreateVersion7(now), SiteId = options.Value.SiteId, UserId = requester, Kind = NotificationKind.SupportReply, SubjectId = entry.Id, HelpRequestId = id,
                ArticleId = request.ArticleId, CreatedAt = now, MailedAt = to is null ? null : now,
            });
        }
        await db.SaveChangesAsync(http.RequestAborted);
        return TypedResults.Created($"/api/support/help-requests/{id}", ToEntry(entry));
    }

    public static async Task<Results<Created<ThreadEntry>, NotFound, ValidationProblem>> Note(
        Guid id, TextRequest body, HttpContext http, CommentsDbContext db, TimeProvider clock)
    {
        if (!await db.HelpRequests.AnyAsync(r => r.Id == id, http.RequestAborted)) return TypedResults.NotFound();
        var entry = db.HelpRequestEvents.Add(HelpRequestEvent.Create(id, HelpRequestEventKind.Note, http.User.UserId()!, clock.GetUtcNow(), visibleToReader: false, body: body.Body!.Trim())).Entity;
        await db.SaveChangesAsync(http.RequestAborted);
        return TypedResults.Created($"/api/support/help-requests/{id}", ToEntry(entry));
    }

    /// <summary>
    /// An appeal goes to moderation: the named comment re-enters the pending queue (held, flagged APPEAL with the
    /// reader's message); without a comment, the appeal shows on the user's moderation page. The outcome comes back
    /// to this request when a moderator acts (see <see cref="AppealOutcomes"/>).
    /// </summary>
    public static async Task<Results<Ok<SupportHelpRequestView>, NotFound, ProblemHttpResult>> Escalate(
        Guid id, HttpContext http, CommentsDbContext db, TimeProvider clock)
    {
        var cancellationToken = http.RequestAborted;
        var request = await db.HelpRequests.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null) return TypedResults.NotFound();
        if (request.CommentId is null && request.RequesterId is null)
        {
            return TypedResults.Problem(title: "Nothing to escalate", detail: "The request names neither a comment nor a signed-in reader.", statusCode: StatusCodes.Status409Conflict);
        }
        var me = http.User.UserId()!;
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (request.CommentId is { } commentId)
        {
            var comment = await db.Comments.LockAsync(commentId, cancellationToken);
            if (comment is null) return TypedResults.NotFound();
            if (comment.AuthorId != request.RequesterId)
            {
                return TypedResults.Problem(title: "Not the requester's comment",
                    detail: "Only the author of a comment can appeal it; this request names someone else's.", statusCode: StatusCodes.Status409Conflict);
            }
            if (!CommentLifecycle.IsAllowed(comment, LifecycleActor.Support, CommentAction.Appeal))
            {
                return TypedResults.Problem(title: "Nothing to appeal", detail: "The comment is waiting for its first decision or was deleted by its author.",
                    statusCode: StatusCodes.Status409Conflict);
            }
            comment.AppealHelpRequestId = id;
            await db.ChangeAsync(comment, new CommentChange(LifecycleActor.Support, me, CommentAction.Appeal, now)
            {
                Audit = new { Flag = "APPEAL", HelpRequest = request.Reference, request.Message },
            }, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        else
        {
            db.Audit(me, "appeal", "user", request.RequesterId!, now, null, new { HelpRequest = request.Reference, request.Message });
        }
        request.Escalated = true;
        request.Status = HelpDesk.AfterEscalation(request.Status);
        request.UpdatedAt = now;
        db.HelpRequestEvents.Add(HelpRequestEvent.Create(id, HelpRequestEventKind.Escalation, me, now, visibleToReader: true,
            body: "Your appeal has been passed to the moderation team."));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(SupportHelpRequestView.From(request, now));
    }

    private static TEnum? Filter<TEnum>(string? value, string name, Dictionary<string, string[]> errors) where TEnum : struct, Enum
    {
        if (value is null) return null;
        if (WireNames<TEnum>.TryParse(value, out var parsed)) return parsed;
        errors[name] = [$"{name} must be {WireNames<TEnum>.OneOf}."];
        return null;
    }

    private static ThreadEntry ToEntry(HelpRequestEvent e) => new(e.At, e.Kind, e.Actor, e.Body, e.Before, e.After, e.VisibleToReader);
}
