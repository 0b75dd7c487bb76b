namespace Comments.Moderation.Analysis;

/// <summary>A problem a draft has, with the words that caused it (if any).</summary>
public sealed record ContentWarning(string Code, IReadOnlyList<string> Terms);
