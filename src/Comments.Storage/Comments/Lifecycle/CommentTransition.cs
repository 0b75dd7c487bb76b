using Comments.Storage.Decisions;

namespace Comments.Storage.Comments.Lifecycle;

/// <summary>What a change did: the comment (changed on the unit of work), whether it was public before, and the decision it stored, if it decided.</summary>
public sealed record CommentTransition(Comment Comment, CommentState From, CommentState To, bool WasPublic, Decision? Decision);
