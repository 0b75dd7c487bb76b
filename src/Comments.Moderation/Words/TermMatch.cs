namespace Comments.Moderation.Words;

/// <summary>A listed term found in a text: which entry, from which list, and where in the original text.</summary>
public sealed record TermMatch(string Term, WordListKind List, int Start, int Length, string Text);
