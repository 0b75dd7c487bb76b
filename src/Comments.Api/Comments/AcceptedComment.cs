namespace Comments.Api.Comments;

public sealed record AcceptedComment(Guid Id, string Status, int Revision);
