using Comments.Api.Auth;
using Comments.Api.Infrastructure.Validation;
using Comments.Storage;
using Comments.Storage.Audit;
using Comments.Storage.Moderation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Comments.Api.Moderation;

/// <summary>Moderators' notes on users and comments.</summary>
public static class Notes
{
    public const int MaxLength = 2000;

    public static async Task<Ok<IReadOnlyList<NoteView>>> ListAsync(CommentsDbContext db, string targetType, string targetId, CancellationToken cancellationToken) =>
        TypedResults.Ok(await QueryAsync(db, targetType, targetId, cancellationToken));

    public static async Task<IReadOnlyList<NoteView>> QueryAsync(CommentsDbContext db, string targetType, string targetId, CancellationToken cancellationToken) =>
        await db.ModerationNotes.AsNoTracking().Where(n => n.TargetType == targetType && n.TargetId == targetId)
            .OrderByDescending(n => n.CreatedAt).Select(n => new NoteView(n.Id, n.Author, n.Body, n.CreatedAt)).ToListAsync(cancellationToken);

    public static async Task<Results<Created<NoteView>, ValidationProblem>> AddAsync(
        CommentsDbContext db, string targetType, string targetId, NoteRequest request, HttpContext http, TimeProvider clock)
    {
        var body = request.Body!.Trim();
        var now = clock.GetUtcNow();
        var note = db.ModerationNotes.Add(new ModerationNote
        {
            Id = Guid.CreateVersion7(now), TargetType = targetType, TargetId = targetId, Author = http.User.UserId()!, Body = body, CreatedAt = now,
        }).Entity;
        db.Audit(note.Author, "note", targetType, targetId, now, null, new { note.Id, note.Body });
        await db.SaveChangesAsync(http.RequestAborted);
        return TypedResults.Created($"/api/moderation/{targetType}s/{targetId}/notes", new NoteView(note.Id, note.Author, note.Body, note.CreatedAt));
    }
}

public sealed record NoteRequest([property: Text(1, Notes.MaxLength)] string? Body);

public sealed record NoteView(Guid Id, string Author, string Body, DateTimeOffset CreatedAt);
