using Microsoft.EntityFrameworkCore;

namespace Comments.Storage.Notifications;

public static class NotificationWrites
{
    /// <summary>
    /// Stores a notification unless the reader has one of this kind about this subject already (a redelivered event),
    /// at once and outside the change tracker, so that the conflict costs nothing. True when it was new.
    /// </summary>
    public static async Task<bool> AddIfAbsentAsync(this CommentsDbContext db, Notification n, CancellationToken cancellationToken) =>
        await db.AddIfAbsentAsync([n], cancellationToken) == 1;

    /// <summary>The same for many notifications in one statement (a group's decisions); answers how many were new.</summary>
    public static Task<int> AddIfAbsentAsync(this CommentsDbContext db, IReadOnlyList<Notification> all, CancellationToken cancellationToken)
    {
        if (all.Count == 0)
        {
            return Task.FromResult(0);
        }
        var ids = all.Select(n => n.Id).ToArray();
        var sites = all.Select(n => n.SiteId).ToArray();
        var users = all.Select(n => n.UserId).ToArray();
        var kinds = all.Select(n => n.Kind.WireName()).ToArray();
        var subjects = all.Select(n => n.SubjectId).ToArray();
        var comments = all.Select(n => n.CommentId).ToArray();
        var articles = all.Select(n => n.ArticleId).ToArray();
        var helpRequests = all.Select(n => n.HelpRequestId).ToArray();
        var actors = all.Select(n => n.ActorName).ToArray();
        var created = all.Select(n => n.CreatedAt).ToArray();
        return db.Database.ExecuteSqlInterpolatedAsync($"""
            insert into notifications (id, site_id, user_id, kind, subject_id, comment_id, article_id, help_request_id, actor_name, created_at)
            select * from unnest({ids}::uuid[], {sites}::text[], {users}::text[], {kinds}::text[], {subjects}::uuid[], {comments}::uuid[], {articles}::text[],
                                 {helpRequests}::uuid[], {actors}::text[], {created}::timestamptz[])
            on conflict (site_id, user_id, kind, subject_id) do nothing
            """, cancellationToken);
    }
}
