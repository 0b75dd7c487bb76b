using Comments.Contracts;
using Comments.Storage;
using Comments.Storage.Comments;
using Comments.Storage.Comments.Lifecycle;

namespace Moderation.Worker.Comments;

/// <summary>An author's edit, applied to its locked comment before the new text is decided.</summary>
public static class AuthorEdits
{
    /// <summary>
    /// Who decides the message's revision when it is the comment's next one (and applies it unless refused); null for a
    /// revision that is not next (the first, one already applied, one of a deleted comment). Throws when an earlier
    /// revision has not arrived yet, so that the message is retried.
    /// </summary>
    public static async Task<EditReview?> ApplyIfNextAsync(CommentsDbContext db, Comment comment, CommentSubmitted message, CancellationToken cancellationToken)
    {
        if (message.Revision > comment.Revision + 1)
        {
            throw new InvalidOperationException($"Revision {message.Revision} of comment {comment.Id} arrived before revision {comment.Revision + 1}; retrying.");
        }
        if (message.Revision != comment.Revision + 1 || comment.DeletedAt is not null)
        {
            return null;
        }
        var review = await db.ReviewOfEditAsync(comment, cancellationToken);
        if (review != EditReview.Refused)
        {
            await ApplyAsync(db, comment, message, cancellationToken);
        }
        return review;
    }

    /// <summary>The author's new text replaces the old (kept in comment_revisions) and waits for its own decision.</summary>
    private static async Task ApplyAsync(CommentsDbContext db, Comment comment, CommentSubmitted message, CancellationToken cancellationToken)
    {
        if (comment.Revision == 1)
        {
            db.CommentRevisions.Add(new CommentRevision { CommentId = comment.Id, Revision = 1, Body = comment.Body, CreatedAt = comment.CreatedAt });
        }
        db.CommentRevisions.Add(new CommentRevision { CommentId = comment.Id, Revision = message.Revision, Body = message.Body, CreatedAt = message.SubmittedAt });
        comment.Revision = message.Revision;
        comment.Body = message.Body;
        comment.EditedAt = message.SubmittedAt;
        await db.ChangeAsync(comment, new CommentChange(LifecycleActor.Author, comment.AuthorId, CommentAction.Edit, message.SubmittedAt), cancellationToken);
    }
}
