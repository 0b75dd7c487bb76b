namespace Comments.Storage.Comments.Lifecycle;

/// <summary>Every change of a comment's state. Edit sends a new revision back to pending; Hide is reports reaching the site's threshold.</summary>
public enum CommentAction { Approve, Hold, Reject, Edit, Delete, Hide, Appeal }
