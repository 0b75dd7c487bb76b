using Comments.Api.Comments;

namespace Comments.Api.Live;

/// <summary>
/// The data of a <c>comment</c> or <c>removed</c> event: the comment as the listing shows it (null when removed, so a
/// held or rejected text never goes out), its parent, and the parent's public reply count after the change.
/// </summary>
public sealed record LiveComment(Guid CommentId, Guid? ParentId, CommentView? Comment, int? ParentReplyCount);
