using Comments.Contracts;

namespace Comments.Storage.Comments;

public static class CommentSubmittedMapping
{
    public static Comment ToPendingComment(this CommentSubmitted message) => new()
    {
        Id = message.CommentId,
        SiteId = message.SiteId,
        ArticleId = message.ArticleId,
        ParentId = message.ParentId,
        Depth = message.Depth,
        AuthorId = message.AuthorId,
        AuthorName = message.AuthorName,
        AuthorBadge = AuthorBadges.For(message.AuthorRoles),
        Body = message.Body,
        Status = CommentStatus.Pending,
        CreatedAt = message.SubmittedAt,
        UpdatedAt = message.SubmittedAt,
    };
}
