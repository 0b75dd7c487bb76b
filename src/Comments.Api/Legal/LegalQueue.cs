using Comments.Moderation.Language;
using Comments.Moderation.Settings;
using Comments.Storage;
using Comments.Storage.Comments.Lifecycle;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Comments.Api.Legal;

/// <summary>The legal queue: a site's open notices, the earliest due first (so overdue ones lead), each with its comment.</summary>
public static class LegalQueue
{
    public static async Task<IReadOnlyList<LegalQueueItem>> OpenAsync(CommentsDbContext db, SiteModerationStore sites, IStringLocalizer text, NotifierKeys notifierKeys,
        string siteId, int limit, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var notices = await db.LegalNotices.AsNoTracking().Where(n => n.SiteId == siteId && n.Outcome == null)
            .OrderBy(n => n.DueAt).ThenBy(n => n.Id).Take(limit).ToListAsync(cancellationToken);
        var commentIds = notices.Select(n => n.CommentId).Distinct().ToList();
        var comments = await db.Comments.AsNoTracking().Where(c => commentIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var openPerComment = await db.LegalNotices.Where(n => n.SiteId == siteId && n.Outcome == null && commentIds.Contains(n.CommentId))
            .GroupBy(n => n.CommentId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var keysOf = notices.ToDictionary(n => n.Id, notifierKeys.Of);
        var unfounded = await NotifierSuspensions.UnfoundedPerKeyAsync(db, siteId, keysOf.Values.SelectMany(k => k).ToHashSet(), cancellationToken);
        var categories = (await NoticeCategories.ForSiteAsync(sites, siteId, cancellationToken)).ToDictionary(c => c.Code);
        var items = new List<LegalQueueItem>(notices.Count);
        foreach (var notice in notices)
        {
            var comment = comments.GetValueOrDefault(notice.CommentId);
            items.Add(new LegalQueueItem(
                notice.Id, notice.Reference, notice.Category,
                categories.TryGetValue(notice.Category, out var category) ? NoticeCategories.Label(text, category) : notice.Category,
                notice.Explanation, notice.NotifierName, notice.NotifierEmail, notice.NotifierId is not null,
                NotifierSuspensions.Unfounded(unfounded, keysOf[notice.Id]),
                notice.ReceivedAt, notice.DueAt, notice.DueAt <= now ? "overdue" : "due",
                openPerComment.GetValueOrDefault(notice.CommentId) - 1,
                comment is null ? null : new LegalQueueComment(comment.Id, comment.ArticleId, comment.AuthorId, comment.AuthorName, comment.Body,
                    CommentLifecycle.StateOf(comment).WireName(), comment.CreatedAt)));
        }
        return items;
    }
}

public sealed record LegalQueueItem(
    Guid Id, string Reference, string Category, string CategoryLabel, string Explanation, string? NotifierName, string? NotifierEmail,
    bool NotifierSignedIn, int NotifierUnfoundedNotices, DateTimeOffset ReceivedAt, DateTimeOffset DueAt, string Due, int OtherOpenNotices,
    LegalQueueComment? Comment);

public sealed record LegalQueueComment(Guid Id, string ArticleId, string AuthorId, string AuthorName, string Body, string State, DateTimeOffset CreatedAt);
