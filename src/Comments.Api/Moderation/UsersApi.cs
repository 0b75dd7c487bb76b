using Comments.Api.Auth;
using Comments.Api.Comments;
using Comments.Api.Events;
using Comments.Api.Infrastructure;
using Comments.Api.Observability;
using Comments.Api.Standing;
using Comments.Api.Support;
using Comments.Contracts;
using Comments.Moderation.Language;
using Comments.Storage;
using Comments.Storage.Audit;
using Comments.Storage.Comments;
using Comments.Storage.Comments.Lifecycle;
using Comments.Storage.Decisions;
using Comments.Storage.Legal;
using Comments.Storage.Moderation;
using Comments.Storage.Users;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Comments.Api.Moderation;

/// <summary>Moderators look up a commenter and act on them: ban, suspend, always pre-moderate, warn, restore; and keep notes.</summary>
public static class UsersApi
{

    public static RouteGroupBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/moderation").WithTags("Moderation users and notes").RequireAuthorization(Policies.Moderator);
        api.MapGet("/users/{userId}", GetUser);
        api.MapPost("/users/{userId}/{action}", ActOnUser);
        api.MapGet("/users/{userId}/notes", (string userId, CommentsDbContext db, CancellationToken ct) => Notes.ListAsync(db, "user", userId, ct));
        api.MapPost("/users/{userId}/notes", (string userId, NoteRequest request, HttpContext http, CommentsDbContext db, TimeProvider clock) =>
            Notes.AddAsync(db, "user", userId, request, http, clock));
        api.MapGet("/comments/{id:guid}/notes", (Guid id, CommentsDbContext db, CancellationToken ct) => Notes.ListAsync(db, "comment", id.ToString(), ct));
        api.MapPost("/comments/{id:guid}/notes", (Guid id, NoteRequest request, HttpContext http, CommentsDbContext db, TimeProvider clock) =>
            Notes.AddAsync(db, "comment", id.ToString(), request, http, clock));
        return api;
    }

    public static async Task<Ok<UserView>> GetUser(string userId, CommentsDbContext db, CancellationToken cancellationToken)
    {
        var standing = await db.UserStandings.AsNoTracking().FirstOrDefaultAsync(s => s.UserId == userId, cancellationToken);
        var counts = await db.Comments.AsNoTracking().Where(c => c.AuthorId == userId).GroupBy(c => c.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var recent = await db.Comments.AsNoTracking().Where(c => c.AuthorId == userId).OrderByDescending(c => c.CreatedAt).Take(20).ToListAsync(cancellationToken);
        var history = await db.AuditEntries.AsNoTracking().Where(a => a.TargetType == "user" && a.TargetId == userId)
            .OrderByDescending(a => a.At).Take(50).Select(a => new UserHistoryEntry(a.Actor, a.Action, a.At, a.AfterJson)).ToListAsync(cancellationToken);
        var notes = await Notes.QueryAsync(db, "user", userId, cancellationToken);
        var appeals = await db.HelpRequests.AsNoTracking().Where(r => r.RequesterId == userId && r.Escalated && r.Outcome == null)
            .Select(r => new OpenAppeal(r.Id, r.Reference, r.CommentId, r.Message, r.CreatedAt)).ToListAsync(cancellationToken);
        return TypedResults.Ok(new UserView(
            userId,
            (standing?.Status ?? UserStatus.Active).WireName(),
            standing?.SuspendedUntil,
            standing?.Reason,
            counts.ToDictionary(c => c.Key.WireName(), c => c.Count),
            [.. recent.Select(c => new ModeratorCommentView(CommentView.From(c), c.Body))],
            history,
            notes,
            appeals));
    }

    public static async Task<Results<Ok<UserView>, ValidationProblem>> ActOnUser(
        string userId, string action, UserActionRequest request, HttpContext http, CommentsDbContext db, EventPublisher events, TimeProvider clock,
        IOptions<CommentOptions> options, IStringLocalizer<ReaderText> text, ComplaintMetrics metrics)
    {
        var duration = SuspensionDurations.Parse(request.Duration);
        var errors = new Dictionary<string, string[]>();
        if (!WireNames<UserAction>.TryParse(action, out var act)) errors["action"] = [$"action must be {WireNames<UserAction>.OneOf}."];
        if (act != UserAction.Restore && string.IsNullOrWhiteSpace(request.Reason)) errors["reason"] = ["reason is required."];
        if (act == UserAction.Suspend && duration is null) errors["duration"] = ["duration must be 1h, 3h, 24h, 7d or a custom number of m, h or d (e.g. 90m)."];
        if (userId.Length > CommentConfiguration.AuthorIdMaxLength) errors["userId"] = ["userId is too long."];
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var cancellationToken = http.RequestAborted;
        var moderator = http.User.UserId()!;
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var standing = await db.UserStandings.FirstOrDefaultAsync(s => s.UserId == userId, cancellationToken);
        var (statusBefore, untilBefore) = (standing?.Status ?? UserStatus.Active, standing?.SuspendedUntil);
        var before = new { Status = statusBefore.WireName(), standing?.SuspendedUntil, standing?.Reason };
        standing ??= db.UserStandings.Add(new UserStanding { UserId = userId }).Entity;
        switch (act)
        {
            case UserAction.Ban: Set(standing, UserStatus.Banned, null, request.Reason); break;
            case UserAction.Suspend: Set(standing, UserStatus.Suspended, now + duration!.Value, request.Reason); break;
            case UserAction.Premod: Set(standing, UserStatus.Premoderated, null, request.Reason); break;
            case UserAction.Restore: Set(standing, UserStatus.Active, null, request.Reason); break;
        }
        standing.UpdatedAt = now;
        db.Audit(moderator, act.WireName(), "user", userId, now, before,
            new { Status = standing.Status.WireName(), standing.SuspendedUntil, request.Reason, request.RejectComments });
        var siteId = options.Value.SiteId;
        var complaints = await AppealOutcomes.RecordForUserAsync(db, text, siteId, userId, act, standing.SuspendedUntil, request.Reason, moderator, now, cancellationToken);
        if (AccountStatements.RestrictionFor(act, statusBefore, untilBefore, standing, answersComplaint: complaints.Count > 0) is { } restriction)
        {
            db.AddForAccount(siteId, userId, restriction, AccountStatements.ReasonCodeFor(restriction), moderator, now, standing.SuspendedUntil);
        }
        await db.SaveChangesAsync(cancellationToken);
        var rejected = act == UserAction.Ban && request.RejectComments ? await RejectAllAsync(db, userId, moderator, request.Reason!, now, cancellationToken) : [];
        await transaction.CommitAsync(cancellationToken);
        metrics.Decided(complaints);

        await events.PublishAsync(ReaderStanding.Changed(standing));
        foreach (var transition in rejected)
        {
            await events.PublishAsync(transition);
        }
        return TypedResults.Ok((await GetUser(userId, db, cancellationToken)).Value!);
    }

    private static void Set(UserStanding standing, UserStatus status, DateTimeOffset? until, string? reason)
    {
        standing.Status = status;
        standing.SuspendedUntil = until;
        standing.Reason = reason;
    }

    /// <summary>With a ban: every comment of the user that is published or waiting is rejected, each with a decision.</summary>
    private static async Task<IReadOnlyList<CommentTransition>> RejectAllAsync(
        CommentsDbContext db, string userId, string moderator, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Every row locked up front, in id order, before any is changed: concurrent work on the same comments waits, never deadlocks.
        var comments = await db.Comments.FromSql($"""
            select *, xmin from comments where author_id = {userId} and deleted_at is null
            and status in ('approved', 'held', 'pending') order by id for update
            """).ToListAsync(cancellationToken);
        var transitions = await db.ChangeAsync([.. comments.Select(comment => (comment, new CommentChange(LifecycleActor.Moderator, moderator, CommentAction.Reject, now)
        {
            ReasonCodes = ["OTHER"],
            Details = new DecisionDetails { Note = $"Author banned: {reason}" },
            Audit = new { Reason = "author banned" },
        }))], cancellationToken);
        foreach (var transition in transitions)
        {
            // Each removal has its statement; the author is told once, by the ban's.
            db.AddFor(transition, AutomationUse.None, notify: false);
        }
        await db.SaveChangesAsync(cancellationToken);
        return transitions;
    }
}

public sealed record UserView(string UserId, string Status, DateTimeOffset? SuspendedUntil, string? Reason, IReadOnlyDictionary<string, int> CommentCounts,
    IReadOnlyList<ModeratorCommentView> RecentComments, IReadOnlyList<UserHistoryEntry> History, IReadOnlyList<NoteView> Notes,
    IReadOnlyList<OpenAppeal> Appeals);

public sealed record OpenAppeal(Guid HelpRequestId, string Reference, Guid? CommentId, string Message, DateTimeOffset CreatedAt);

public sealed record UserHistoryEntry(string Actor, string Action, DateTimeOffset At, string? Details);

/// <summary>A comment as moderators see it: the public view plus the text even when deleted.</summary>
public sealed record ModeratorCommentView(CommentView Comment, string Body);
