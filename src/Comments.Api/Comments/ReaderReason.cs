using Comments.Moderation.Language;
using Comments.Storage;
using Comments.Moderation.Reasons;
using Comments.Storage.Comments;
using Comments.Storage.Decisions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Comments.Api.Comments;

/// <summary>A reason shown to the comment's author: the code and a sentence for readers (no scores), in the request's language.</summary>
public sealed record ReaderReason(string Code, string Message)
{
    public static IReadOnlyList<ReaderReason> For(IStringLocalizer<ReaderText> text, Comment comment, Decision? decision)
    {
        if (decision is null || comment.Status is CommentStatus.Approved or CommentStatus.Pending)
        {
            return [];
        }
        var status = comment.Status.WireName();
        return [.. Told(decision).Select(r => new ReaderReason(r.Code, ReaderMessages.For(text, status, decision, r.Code, r.Detail)))];
    }

    /// <summary>The decision's reasons without the outcome ("it contains links…"): the facts a statement of reasons names.</summary>
    public static IReadOnlyList<ReaderReason> Facts(IStringLocalizer<ReaderText> text, Decision decision) =>
        [.. Told(decision).Select(r => new ReaderReason(r.Code, ReaderMessages.Explain(text, decision, r.Code, r.Detail)))];

    /// <summary>The pipeline's reasons with their details, or the codes a person chose; never the staff marker.</summary>
    private static IEnumerable<(string Code, string? Detail)> Told(Decision decision) =>
        (decision.Actor == Decision.SystemActor && decision.Details.Reasons.Count > 0
            ? decision.Details.Reasons.Select(r => (r.Code, r.Detail))
            : decision.ReasonCodes.Select(code => (code, (string?)null))).Where(r => r.Item1 != ReasonCodes.Staff);

    /// <summary>The reasons of several of one author's comments, from each one's latest decision on its current revision, in one query.</summary>
    public static async Task<Dictionary<Guid, IReadOnlyList<ReaderReason>>> ForAsync(IStringLocalizer<ReaderText> text, CommentsDbContext db, IReadOnlyList<Comment> comments,
        CancellationToken cancellationToken)
    {
        var ids = comments.Where(c => c.Status is not (CommentStatus.Approved or CommentStatus.Pending)).Select(c => c.Id).ToList();
        var decisions = ids.Count == 0 ? new Dictionary<Guid, Decision>() : (await db.Decisions.AsNoTracking().Where(d => ids.Contains(d.CommentId)).ToListAsync(cancellationToken))
            .GroupBy(d => d.CommentId).ToDictionary(g => g.Key, g => g.OrderByDescending(d => d.DecidedAt).First());
        return comments.ToDictionary(c => c.Id,
            c => For(text, c, decisions.GetValueOrDefault(c.Id) is { } d && d.Revision == c.Revision ? d : null));
    }
}
