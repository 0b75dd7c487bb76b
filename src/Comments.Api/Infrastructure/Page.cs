namespace Comments.Api.Infrastructure;

/// <summary>Every list in the API: the items and an opaque cursor for the next page, null on the last.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);
