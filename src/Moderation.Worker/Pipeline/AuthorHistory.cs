using Comments.Storage;
using Comments.Storage.Comments;
using Microsoft.EntityFrameworkCore;

namespace Moderation.Worker.Pipeline;

/// <summary>Answers <see cref="IAuthorHistory"/> from PostgreSQL, leaving out the comment being moderated.</summary>
public sealed class AuthorHistory(CommentsDbContext db, ModerationSubject subject) : IAuthorHistory
{
    private IQueryable<Comment> Others => db.Comments.AsNoTracking()
        .Where(c => c.AuthorId == subject.AuthorId && c.Id != subject.CommentId);

    public Task<int> ApprovedCountAsync(CancellationToken cancellationToken) =>
        Others.CountAsync(c => c.Status == CommentStatus.Approved, cancellationToken);

    public Task<int> EarlierCommentCountAsync(CancellationToken cancellationToken) =>
        Others.CountAsync(c => c.CreatedAt <= subject.CreatedAt, cancellationToken);

    public Task<bool> SameTextSinceAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        Others.AnyAsync(c => c.CreatedAt >= since && c.Body.ToLower() == subject.Body.ToLower(), cancellationToken);

    public async Task<(int Decided, int Rejected)> DecidedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var counts = await Others
            .Where(c => c.CreatedAt >= since && (c.Status == CommentStatus.Approved || c.Status == CommentStatus.Rejected))
            .GroupBy(_ => 1)
            .Select(g => new { Decided = g.Count(), Rejected = g.Count(c => c.Status == CommentStatus.Rejected) })
            .SingleOrDefaultAsync(cancellationToken);
        return counts is null ? (0, 0) : (counts.Decided, counts.Rejected);
    }
}
