namespace Comments.Storage.Comments.Lifecycle;

/// <summary>Who decides an author's edit: nobody (it is refused), a moderator, or the pipeline.</summary>
public enum EditReview { Refused, Person, Pipeline }
