using Comments.Storage;
using Microsoft.EntityFrameworkCore;

namespace Moderation.Worker.Pipeline;

/// <summary>Answers <see cref="IAuthorHistory"/> from PostgreSQL in one statement, leaving out the comment being moderated.</summary>
public sealed class AuthorHistory(CommentsDbContext db, ModerationSubject subject) : IAuthorHistory
{
    public Task<AuthorRecord> ReadAsync(HistoryWindows windows, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<AuthorRecord>($"""
            select count(*) filter (where status = 'approved')::int as approved,
                   count(*) filter (where created_at <= {subject.CreatedAt})::int as earlier,
                   coalesce(bool_or(created_at >= {windows.RepeatSince} and lower(body) = lower({subject.Body})), false) as same_text_recently,
                   count(*) filter (where created_at >= {windows.RecentSince} and status in ('approved', 'rejected'))::int as recent_decided,
                   count(*) filter (where created_at >= {windows.RecentSince} and status = 'rejected')::int as recent_rejected
            from comments
            where author_id = {subject.AuthorId} and id <> {subject.CommentId}
            """).SingleAsync(cancellationToken);
}
