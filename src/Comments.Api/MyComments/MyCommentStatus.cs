namespace Comments.Api.MyComments;

/// <summary>Where one of the reader's own comments stands, as they see it: the moderation status, or deleted by them.</summary>
public enum MyCommentStatus
{
    Pending,
    Approved,
    Held,
    Rejected,
    Deleted,
}
