namespace Comments.Storage.Comments.Lifecycle;

/// <summary>Who changes a comment: the pipeline, its author, other readers (by reporting), a moderator, or support (by escalating an appeal).</summary>
public enum LifecycleActor { Pipeline, Author, Reader, Moderator, Support }
