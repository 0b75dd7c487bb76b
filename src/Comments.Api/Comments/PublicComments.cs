using System.Linq.Expressions;
using Comments.Storage.Comments;

namespace Comments.Api.Comments;

/// <summary>What the public may see: approved, not hidden by reports, and not deleted unless replies hang under it.</summary>
public static class PublicComments
{
    public static readonly Expression<Func<Comment, bool>> Visible = c =>
        c.Status == CommentStatus.Approved && c.HiddenAt == null && (c.DeletedAt == null || c.ReplyCount > 0);

    public static bool IsVisible(Comment c) =>
        c.Status == CommentStatus.Approved && c.HiddenAt is null && (c.DeletedAt is null || c.ReplyCount > 0);
}
