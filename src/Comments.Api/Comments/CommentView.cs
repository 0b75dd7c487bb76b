using Comments.Storage.Comments;

namespace Comments.Api.Comments;

/// <summary>A comment as the HTTP contract shows it. <see cref="Reasons"/> is only filled in for its author.</summary>
public sealed record CommentView(
    Guid Id,
    string ArticleId,
    Guid? ParentId,
    string AuthorId,
    string AuthorName,
    string Body,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<ReaderReason>? Reasons = null)
{
    public static CommentView From(Comment comment, IReadOnlyList<ReaderReason>? reasons = null) => new(
        comment.Id, comment.ArticleId, comment.ParentId, comment.AuthorId, comment.AuthorName, comment.Body,
        comment.Status.ToString().ToLowerInvariant(), comment.CreatedAt, comment.UpdatedAt, reasons);
}
