using Comments.Moderation.Harms;

namespace Comments.Moderation.Examples;

/// <summary>The example a text is closest to, and how close (cosine similarity of the static embeddings).</summary>
public sealed record ExampleMatch(HarmKind Harm, string Example, float Similarity);
