namespace Moderation.Worker.Pipeline;

/// <summary>What a phase looks at.</summary>
public sealed record ModerationSubject(string ArticleId, string AuthorId, string Body);
