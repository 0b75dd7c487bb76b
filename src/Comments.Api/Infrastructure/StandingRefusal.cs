namespace Comments.Api.Infrastructure;

/// <summary>Why a reader's standing refuses what they asked; endpoints answer it as a 403 (<see cref="Errors.RefusalProblems"/>).</summary>
public sealed record StandingRefusal(string Title, string Detail, DateTimeOffset? SuspendedUntil);
