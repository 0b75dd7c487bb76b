namespace Comments.Moderation.Harms;

/// <summary>A phrase that names a harm, where it is in the original text, and the text itself.</summary>
public sealed record HarmMatch(HarmKind Kind, int Start, int Length, string Text);
