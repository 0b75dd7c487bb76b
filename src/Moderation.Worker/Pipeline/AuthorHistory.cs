using Comments.Storage;
using Microsoft.EntityFrameworkCore;

namespace Moderation.Worker.Pipeline;

/// <summary>Answers <see cref="IAuthorHistory"/> from PostgreSQL, leaving out the comment being moderated.</summary>
public sealed class AuthorHistory(CommentsDbContext db, ModerationSubject subject) : IAuthorHistory
{
    public async Task<AuthorRecord> ReadAsync(HistoryWindows windows, CancellationToken cancellationToken) =>
        (await ReadManyAsync(db, [(subject, windows)], cancellationToken))[subject.CommentId];

    /// <summary>The histories of many comments' authors in one statement (a group of comments decided together).</summary>
    public static async Task<Dictionary<Guid, AuthorRecord>> ReadManyAsync(
        CommentsDbContext db, IReadOnlyList<(ModerationSubject Subject, HistoryWindows Windows)> subjects, CancellationToken cancellationToken)
    {
        if (subjects.Count == 0)
        {
            return [];
        }
        var ids = subjects.Select(s => s.Subject.CommentId).ToArray();
        var authors = subjects.Select(s => s.Subject.AuthorId).ToArray();
        var created = subjects.Select(s => s.Subject.CreatedAt).ToArray();
        var bodies = subjects.Select(s => s.Subject.Body).ToArray();
        var repeatSince = subjects.Select(s => s.Windows.RepeatSince).ToArray();
        var recentSince = subjects.Select(s => s.Windows.RecentSince).ToArray();
        var postingSince = subjects.Select(s => s.Windows.PostingSince).ToArray();
        var rows = await db.Database.SqlQuery<AuthorRecordRow>($"""
            select s.id as comment_id, h.*
            from unnest({ids}::uuid[], {authors}::text[], {created}::timestamptz[], {bodies}::text[], {repeatSince}::timestamptz[], {recentSince}::timestamptz[], {postingSince}::timestamptz[])
                 as s(id, author_id, created_at, body, repeat_since, recent_since, posting_since)
            -- lateral, so that each author's comments are read through the author index (a join let the planner scan the table)
            cross join lateral (
                select count(*) filter (where c.status = 'approved')::int as approved,
                       count(*) filter (where c.created_at <= s.created_at)::int as earlier,
                       coalesce(bool_or(c.created_at >= s.repeat_since and lower(c.body) = lower(s.body)), false) as same_text_recently,
                       count(*) filter (where c.created_at >= s.recent_since and c.status in ('approved', 'rejected'))::int as recent_decided,
                       count(*) filter (where c.created_at >= s.recent_since and c.status = 'rejected')::int as recent_rejected,
                       count(*) filter (where c.created_at >= s.posting_since and (c.created_at, c.id) < (s.created_at, s.id))::int as posted_in_window
                from comments c
                where c.author_id = s.author_id and c.id <> s.id
            ) h
            """).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.CommentId, r => new AuthorRecord(r.Approved, r.Earlier, r.SameTextRecently, r.RecentDecided, r.RecentRejected, r.PostedInWindow));
    }
}

/// <summary>One row of <see cref="AuthorHistory.ReadManyAsync"/>.</summary>
public sealed record AuthorRecordRow(Guid CommentId, int Approved, int Earlier, bool SameTextRecently, int RecentDecided, int RecentRejected, int PostedInWindow);
