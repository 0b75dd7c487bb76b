namespace Comments.Api.Comments;

public sealed record ReaderReason(string Code, string Message);
