namespace Comments.Api.Infrastructure;

/// <summary>
/// Why an article refuses a post or an edit: closed (403), or the reader posted on it within its slow mode (429, with
/// when to come back). <see cref="Reason"/> is what <see cref="PostRefusals"/> records. Answered by <see cref="Errors.RefusalProblems"/>.
/// </summary>
public sealed record ArticleRefusal(int StatusCode, string Reason, string Title, string Detail, int? RetryAfterSeconds = null);
