using Comments.Api.Comments;
using Comments.Storage.Comments;

namespace Comments.Api.MyComments;

/// <summary>
/// One of the reader's own comments in their history: which article, where it stands and why (reader reasons, no
/// scores), and its text unless they deleted it.
/// </summary>
public sealed record MyCommentView(Guid Id, string ArticleId, Guid? ParentId, string? Body, MyCommentStatus Status, bool Edited,
    IReadOnlyList<ReaderReason> Reasons, DateTimeOffset CreatedAt)
{
    public static MyCommentView From(Comment comment, IReadOnlyList<ReaderReason> reasons) => new(
        comment.Id, comment.ArticleId, comment.ParentId, comment.DeletedAt is null ? comment.Body : null,
        comment.DeletedAt is not null ? MyCommentStatus.Deleted : comment.Status switch
        {
            CommentStatus.Pending => MyCommentStatus.Pending,
            CommentStatus.Approved => MyCommentStatus.Approved,
            CommentStatus.Held => MyCommentStatus.Held,
            _ => MyCommentStatus.Rejected,
        },
        comment.EditedAt is not null, reasons, comment.CreatedAt);
}
