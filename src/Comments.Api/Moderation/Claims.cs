using Comments.Storage;
using Comments.Storage.Audit;
using Comments.Storage.Comments;

namespace Comments.Api.Moderation;

/// <summary>A moderator's claim keeps others off a comment for a lease; whoever decides must not be kept off by it.</summary>
public static class Claims
{
    public static bool HeldByOther(Comment comment, string me, DateTimeOffset now) =>
        comment.ClaimedBy is { } holder && holder != me && comment.ClaimExpiresAt > now;

    public static void Take(CommentsDbContext db, Comment comment, string me, DateTimeOffset until, DateTimeOffset now)
    {
        db.Audit(me, "claim", "comment", comment.Id.ToString(), now, new { comment.ClaimedBy, comment.ClaimExpiresAt }, new { ClaimedBy = me, ClaimExpiresAt = until });
        comment.ClaimedBy = me;
        comment.ClaimExpiresAt = until;
    }
}
