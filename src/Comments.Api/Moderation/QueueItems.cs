using Comments.Api.Comments;
using Comments.Api.Reports;
using Comments.Moderation.Reasons;
using Comments.Storage;
using Comments.Storage.Comments;
using Comments.Storage.Decisions;
using Comments.Storage.Reports;
using Comments.Storage.Users;
using Microsoft.EntityFrameworkCore;

namespace Comments.Api.Moderation;

/// <summary>Builds queue items for a page of comments in a fixed number of queries, however long the page.</summary>
public static class QueueItems
{
    public static async Task<List<QueueItem>> BuildAsync(CommentsDbContext db, List<Comment> comments, CancellationToken cancellationToken)
    {
        var ids = comments.Select(c => c.Id).ToList();
        var authors = comments.Select(c => c.AuthorId).Distinct().ToList();

        var decisions = (await db.Decisions.AsNoTracking()
                .Where(d => ids.Contains(d.CommentId) && d.Actor == Decision.SystemActor)
                .ToListAsync(cancellationToken))
            .GroupBy(d => d.CommentId).ToDictionary(g => g.Key, g => g.OrderByDescending(d => d.Revision).First());
        var reports = (await db.Reports.AsNoTracking()
                .Where(r => ids.Contains(r.CommentId) && r.Status == ReportStatus.Open)
                .OrderBy(r => r.CreatedAt).ToListAsync(cancellationToken))
            .ToLookup(r => r.CommentId);
        var standings = await db.UserStandings.AsNoTracking().Where(s => authors.Contains(s.UserId)).ToDictionaryAsync(s => s.UserId, cancellationToken);
        var counts = await db.Comments.AsNoTracking().Where(c => authors.Contains(c.AuthorId))
            .GroupBy(c => c.AuthorId)
            .Select(g => new { g.Key, Total = g.Count(), Rejected = g.Count(c => c.Status == CommentStatus.Rejected) })
            .ToDictionaryAsync(g => g.Key, cancellationToken);
        var notes = await db.ModerationNotes.AsNoTracking().Where(n => n.TargetType == "user" && authors.Contains(n.TargetId))
            .GroupBy(n => n.TargetId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

        var appealIds = comments.Where(c => c.AppealHelpRequestId != null).Select(c => c.AppealHelpRequestId!.Value).ToList();
        var appeals = await db.HelpRequests.AsNoTracking().Where(r => appealIds.Contains(r.Id))
            .ToDictionaryAsync(r => r.Id, r => new AppealSummary("APPEAL", r.Id, r.Reference, r.Message), cancellationToken);

        var edits = await EditsSinceReviewAsync(db, comments, decisions, cancellationToken);

        return [.. comments.Select(comment =>
        {
            var decision = decisions.GetValueOrDefault(comment.Id);
            var standing = standings.GetValueOrDefault(comment.AuthorId);
            var count = counts.GetValueOrDefault(comment.AuthorId);
            var total = count?.Total ?? 0;
            var rejected = count?.Rejected ?? 0;
            return new QueueItem(
                CommentView.From(comment),
                comment.Body,
                comment.Version,
                comment.ClaimedBy,
                comment.ClaimExpiresAt,
                new AuthorSummary(comment.AuthorId, (standing?.Status ?? UserStatus.Active).WireName(), standing?.SuspendedUntil,
                    total, rejected, total == 0 ? 0 : Math.Round((double)rejected / total, 3), notes.GetValueOrDefault(comment.AuthorId)),
                decision?.ReasonCodes ?? [],
                decision?.Details.Reasons ?? [],
                decision?.Details.Scores ?? [],
                decision?.Details.Matches ?? [],
                [.. reports[comment.Id].Select(r => new ReportSummary(r.Id, r.Reason.WireName(), r.Details, r.ReporterId, r.Weight, r.CreatedAt))],
                comment.AppealHelpRequestId is { } appeal ? appeals.GetValueOrDefault(appeal) : null,
                edits.GetValueOrDefault(comment.Id));
        })];
    }

    /// <summary>For comments held as EDITED_AFTER_REVIEW: the text a person last saw against the current one.</summary>
    private static async Task<Dictionary<Guid, EditSinceReview>> EditsSinceReviewAsync(
        CommentsDbContext db, List<Comment> comments, Dictionary<Guid, Decision> decisions, CancellationToken cancellationToken)
    {
        var edited = comments.Where(c => c.Revision > 1 && decisions.GetValueOrDefault(c.Id)?.ReasonCodes.Contains(ReasonCodes.EditedAfterReview) == true).ToList();
        if (edited.Count == 0)
        {
            return [];
        }
        var ids = edited.Select(c => c.Id).ToList();
        var lastHuman = await db.Decisions.AsNoTracking().Where(d => ids.Contains(d.CommentId) && d.Actor != Decision.SystemActor)
            .GroupBy(d => d.CommentId).Select(g => new { g.Key, Revision = g.Max(d => d.Revision) }).ToDictionaryAsync(g => g.Key, g => g.Revision, cancellationToken);
        // Decided by a person: that revision. Held for one and edited while waiting: the revision before this one.
        var reviewed = edited.ToDictionary(c => c.Id, c => lastHuman.TryGetValue(c.Id, out var revision) && revision < c.Revision ? revision : c.Revision - 1);
        var revisions = await db.CommentRevisions.AsNoTracking().Where(r => ids.Contains(r.CommentId)).ToListAsync(cancellationToken);
        return edited
            .Select(c => (Comment: c, Before: revisions.FirstOrDefault(r => r.CommentId == c.Id && r.Revision == reviewed[c.Id])))
            .Where(e => e.Before is not null)
            .ToDictionary(e => e.Comment.Id, e => EditSinceReview.Between(e.Before!.Revision, e.Before.Body, e.Comment.Body));
    }
}
