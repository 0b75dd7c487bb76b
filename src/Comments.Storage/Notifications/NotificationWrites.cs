using Microsoft.EntityFrameworkCore;

namespace Comments.Storage.Notifications;

public static class NotificationWrites
{
    /// <summary>
    /// Stores a notification unless the reader has one of this kind about this subject already (a redelivered event),
    /// at once and outside the change tracker, so that the conflict costs nothing. True when it was new.
    /// </summary>
    public static async Task<bool> AddIfAbsentAsync(this CommentsDbContext db, Notification n, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            insert into notifications (id, site_id, user_id, kind, subject_id, comment_id, article_id, help_request_id, actor_name, created_at)
            values ({n.Id}, {n.SiteId}, {n.UserId}, {n.Kind.WireName()}, {n.SubjectId}, {n.CommentId}, {n.ArticleId}, {n.HelpRequestId}, {n.ActorName}, {n.CreatedAt})
            on conflict (site_id, user_id, kind, subject_id) do nothing
            """, cancellationToken) == 1;
}
