namespace Comments.Storage.Comments.Lifecycle;

/// <summary>Where a comment is in its life, as the transitions see it: its status, or hidden by reports, or deleted by its author.</summary>
public enum CommentState { Pending, Approved, Held, Rejected, Hidden, Deleted }
