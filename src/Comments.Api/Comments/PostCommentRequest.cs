namespace Comments.Api.Comments;

public sealed record PostCommentRequest(string? Body, Guid? ParentId);
