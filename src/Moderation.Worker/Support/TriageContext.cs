using System.Globalization;
using Comments.Moderation.Language;
using Comments.Moderation.Reasons;
using Comments.Storage;
using Comments.Storage.Comments;
using Comments.Storage.Decisions;
using Comments.Storage.Support;
using Comments.Storage.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Moderation.Worker.Support;

/// <summary>
/// What support needs beside a request: the requester's recent comments with statuses and reader-facing reasons,
/// their standing, recent refusals of their posts, and for missing or removed comments a note that answers the
/// usual question directly.
/// </summary>
public sealed class TriageContext(CommentsDbContext db, IStringLocalizer<ReaderText> text)
{
    public sealed record CommentLine(Guid Id, string ArticleId, string Status, string? Reason, DateTimeOffset CreatedAt, string Excerpt);

    public sealed record Context(IReadOnlyList<CommentLine> RecentComments, object? Standing, IReadOnlyList<object> RecentRefusals);

    public async Task<Context> BuildAsync(HelpRequest request, CancellationToken cancellationToken)
    {
        var authorId = request.RequesterId;
        if (authorId is null && request.CommentId is { } commentId)
        {
            authorId = await db.Comments.Where(c => c.Id == commentId).Select(c => c.AuthorId).FirstOrDefaultAsync(cancellationToken);
        }
        if (authorId is null)
        {
            return new Context([], null, []);
        }
        var comments = await db.Comments.AsNoTracking().Where(c => c.AuthorId == authorId).OrderByDescending(c => c.CreatedAt).Take(10).ToListAsync(cancellationToken);
        var lines = new List<CommentLine>();
        foreach (var comment in comments)
        {
            lines.Add(new CommentLine(comment.Id, comment.ArticleId, StatusOf(comment), await ReaderReasonAsync(comment, cancellationToken), comment.CreatedAt,
                comment.Body.Length > 120 ? comment.Body[..120] + "…" : comment.Body));
        }
        var standing = await db.UserStandings.AsNoTracking().FirstOrDefaultAsync(s => s.UserId == authorId, cancellationToken);
        var refusals = await db.PostRefusals.AsNoTracking().Where(r => r.UserId == authorId).OrderByDescending(r => r.At).Take(10)
            .Select(r => new { r.Reason, r.Detail, r.At }).ToListAsync(cancellationToken);
        return new Context(lines,
            standing is null ? null : new { Status = standing.Status.WireName(), standing.SuspendedUntil, standing.Reason },
            [.. refusals.Cast<object>()]);
    }

    /// <summary>The answer to "where is my comment?": its status, since when, why, and how many are ahead of it.</summary>
    public async Task<string?> NoteAsync(HelpRequest request, CancellationToken cancellationToken)
    {
        if (request.Category is not (HelpRequestCategory.CommentMissing or HelpRequestCategory.CommentRemoved))
        {
            return null;
        }
        var comments = db.Comments.AsNoTracking();
        var comment = request.CommentId is { } id
            ? await comments.FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
            : request.RequesterId is { } requester
                ? await comments.Where(c => c.AuthorId == requester && (request.ArticleId == null || c.ArticleId == request.ArticleId))
                    .OrderBy(c => c.Status == CommentStatus.Approved && c.HiddenAt == null && c.DeletedAt == null).ThenByDescending(c => c.CreatedAt)
                    .FirstOrDefaultAsync(cancellationToken)
                : null;
        if (comment is null)
        {
            return "No comment found for this reader on this article: it may never have reached us (check refusals below) or was posted from another account.";
        }
        var since = comment.UpdatedAt.ToString("HH:mm 'UTC on' yyyy-MM-dd", CultureInfo.InvariantCulture);
        var reason = await ReaderReasonAsync(comment, cancellationToken);
        if (comment.DeletedAt is not null) return $"Deleted by its author at {comment.DeletedAt:HH:mm 'UTC on' yyyy-MM-dd}.";
        if (comment.HiddenAt is not null) return $"Hidden since {comment.HiddenAt:HH:mm 'UTC'} after reader reports, until a moderator reviews it.";
        switch (comment.Status)
        {
            case CommentStatus.Held:
                var ahead = await comments.AheadOfAsync(comment, cancellationToken);
                return $"Held for review since {since}: {reason ?? "checked by a moderator"}; {ahead} items ahead of it in the queue.";
            case CommentStatus.Rejected:
                return $"Rejected at {since}: {reason ?? "it did not meet the community guidelines"}.";
            case CommentStatus.Pending:
                return $"Waiting for automatic moderation since {comment.CreatedAt:HH:mm 'UTC'}; it normally takes seconds.";
            default:
                return $"Published at {since} on article {comment.ArticleId}; it may be further down the page.";
        }
    }

    private static string StatusOf(Comment comment) =>
        comment.DeletedAt is not null ? "deleted" : comment.HiddenAt is not null ? "hidden" : comment.Status.WireName();

    private async Task<string?> ReaderReasonAsync(Comment comment, CancellationToken cancellationToken)
    {
        if (comment.Status is CommentStatus.Approved or CommentStatus.Pending)
        {
            return null;
        }
        var decision = await db.Decisions.AsNoTracking().Where(d => d.CommentId == comment.Id && d.Revision == comment.Revision)
            .OrderByDescending(d => d.DecidedAt).FirstOrDefaultAsync(cancellationToken);
        var code = decision?.ReasonCodes.FirstOrDefault();
        if (code is null) return null;
        return ReaderMessages.Explain(text, decision!, code);
    }
}
