using Comments.Api.Infrastructure;
using System.Text.Json;
using Comments.Api.Auth;
using Comments.Api.Comments;
using Comments.Api.Reports;
using Comments.Storage;
using Comments.Storage.Decisions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Comments.Api.Moderation;

/// <summary>The full story of a comment, and the audit log of every action.</summary>
public static class HistoryApi
{
    public static RouteGroupBuilder MapHistoryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/moderation").WithTags("Moderation history").RequireAuthorization(Policies.Moderator);
        api.MapGet("/comments/{id:guid}/history", GetCommentHistory);
        api.MapGet("/audit", ListAudit);
        return api;
    }

    public static async Task<Results<Ok<CommentHistory>, NotFound>> GetCommentHistory(Guid id, CommentsDbContext db, CancellationToken cancellationToken)
    {
        var comment = await db.Comments.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (comment is null)
        {
            return TypedResults.NotFound();
        }
        var events = new List<HistoryEvent>();
        var revisions = await db.CommentRevisions.AsNoTracking().Where(r => r.CommentId == id).ToListAsync(cancellationToken);
        events.AddRange(revisions.Count == 0
            ? [new HistoryEvent(comment.CreatedAt, "revision", comment.AuthorId, new { Revision = 1, comment.Body })]
            : revisions.Select(r => new HistoryEvent(r.CreatedAt, "revision", comment.AuthorId, new { r.Revision, r.Body })));
        var decisions = await db.Decisions.AsNoTracking().Where(d => d.CommentId == id).ToListAsync(cancellationToken);
        events.AddRange(decisions.Select(d => new HistoryEvent(d.DecidedAt, d.Actor == Decision.SystemActor ? "system_decision" : "moderator_decision", d.Actor,
            new { d.Revision, Outcome = d.Outcome.WireName(), d.ReasonCodes, d.Details })));
        var reports = await db.Reports.AsNoTracking().Where(r => r.CommentId == id).ToListAsync(cancellationToken);
        events.AddRange(reports.Select(r => new HistoryEvent(r.CreatedAt, "report", r.ReporterId,
            new { Reason = r.Reason.WireName(), r.Details, r.Weight, Status = r.Status.WireName(), r.ReviewedAt })));
        var notes = await Notes.QueryAsync(db, "comment", id.ToString(), cancellationToken);
        events.AddRange(notes.Select(n => new HistoryEvent(n.CreatedAt, "note", n.Author, new { n.Body })));
        return TypedResults.Ok(new CommentHistory(new ModeratorCommentView(CommentView.From(comment), comment.Body), comment.Version,
            [.. events.OrderBy(e => e.At)]));
    }

    public static async Task<Results<Ok<Page<AuditView>>, ValidationProblem>> ListAudit(
        string? actor, string? target, DateTimeOffset? from, DateTimeOffset? to, string? cursor, int? limit, CommentsDbContext db, CancellationToken cancellationToken)
    {
        var errors = Paging.Validate(limit, cursor, "audit", out var position);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var entries = db.AuditEntries.AsNoTracking();
        if (actor is not null) entries = entries.Where(a => a.Actor == actor);
        if (target is not null) entries = entries.Where(a => a.TargetId == target);
        if (from is not null) entries = entries.Where(a => a.At >= from);
        if (to is not null) entries = entries.Where(a => a.At < to);
        if (position is not null) entries = entries.Where(a => EF.Functions.LessThan(ValueTuple.Create(a.At, a.Id), ValueTuple.Create(position.CreatedAt, position.Id)));
        var pageSize = limit ?? Paging.DefaultPageSize;
        return TypedResults.Ok(await entries.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).ToPageAsync(pageSize,
            last => new ListingCursor("audit", 0, last.At, last.Id),
            a => new AuditView(a.Id, a.Actor, a.Action, a.TargetType, a.TargetId, a.At, Parse(a.BeforeJson), Parse(a.AfterJson)), cancellationToken));
    }

    private static JsonElement? Parse(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();
}

public sealed record HistoryEvent(DateTimeOffset At, string Kind, string Actor, object Details);

public sealed record CommentHistory(ModeratorCommentView Comment, uint Version, IReadOnlyList<HistoryEvent> Events);

public sealed record AuditView(Guid Id, string Actor, string Action, string TargetType, string TargetId, DateTimeOffset At, JsonElement? Before, JsonElement? After);
