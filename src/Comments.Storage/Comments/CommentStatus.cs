namespace Comments.Storage.Comments;

/// <summary>Where a comment stands. Stored by its wire name (<see cref="WireNames{TEnum}"/>).</summary>
public enum CommentStatus
{
    Pending,
    Approved,
    Held,
    Rejected,
}
