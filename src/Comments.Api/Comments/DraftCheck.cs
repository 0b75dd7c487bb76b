namespace Comments.Api.Comments;

public sealed record DraftCheckRequest(string? Body);

public sealed record DraftWarning(string Code, string Message, IReadOnlyList<string> Terms);

/// <summary>What the pipeline would object to in a draft; empty when it would pass the text checks.</summary>
public sealed record DraftCheckResult(IReadOnlyList<DraftWarning> Warnings);
