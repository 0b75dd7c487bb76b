namespace Comments.Storage.Comments.Lifecycle;

/// <summary>A change the lifecycle does not allow from the comment's state for that actor; endpoints check first and answer 409.</summary>
public sealed class CommentTransitionRefusedException(Guid commentId, CommentState from, LifecycleActor actor, CommentAction action)
    : InvalidOperationException($"{actor} cannot {action} comment {commentId} while it is {from}.")
{
    public CommentState From { get; } = from;
}
