using Comments.Storage;
using Comments.Storage.Comments;

namespace Comments.Api.Comments;

/// <summary>
/// A comment as the HTTP contract shows it. <see cref="Reasons"/> is filled in for its author only; <see cref="AuthorBadge"/>
/// is what the author's token said at posting time. An erased comment ("comment by a deleted account") has no
/// <see cref="AuthorId"/>, which would still name the person; a deleted one kept for its replies has no body.
/// </summary>
public sealed record CommentView(
    Guid Id,
    string ArticleId,
    Guid? ParentId,
    int Depth,
    string? AuthorId,
    string AuthorName,
    AuthorBadge? AuthorBadge,
    string? Body,
    string Status,
    bool Edited,
    bool Deleted,
    int ReplyCount,
    int RespectCount,
    bool Featured,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<ReaderReason>? Reasons = null,
    IReadOnlyList<CommentView>? Replies = null,
    bool Erased = false)
{
    public static CommentView From(Comment comment, IReadOnlyList<ReaderReason>? reasons = null, IReadOnlyList<CommentView>? replies = null) => new(
        comment.Id, comment.ArticleId, comment.ParentId, comment.Depth, comment.ErasedAt is null ? comment.AuthorId : null, comment.AuthorName, comment.AuthorBadge,
        comment.DeletedAt is null ? comment.Body : null,
        comment.Status.WireName(), comment.EditedAt is not null, comment.DeletedAt is not null,
        comment.ReplyCount, comment.RespectCount, comment.FeaturedAt is not null, comment.CreatedAt, comment.UpdatedAt, reasons, replies,
        comment.ErasedAt is not null);
}
