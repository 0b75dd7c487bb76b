namespace Comments.Moderation.Reasons;

/// <summary>What a reason code tells the comment's author: one sentence for the pipeline's decision, one for a moderator's.</summary>
public sealed record ReasonSentences(string Code, string System, string Moderator);
