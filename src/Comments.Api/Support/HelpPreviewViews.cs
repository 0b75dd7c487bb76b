using Comments.Api.Infrastructure.Validation;
using Comments.Storage.Support;

namespace Comments.Api.Support;

/// <summary>What the help form knows so far: the category chosen and the article it sits under.</summary>
public sealed record HelpPreviewRequest(HelpRequestCategory? Category, [property: ArticleId] string? ArticleId);

/// <summary>
/// The answers, most specific first; <see cref="PreviewId"/> goes back with the help request if the reader still sends
/// one (<see cref="HelpRequestSubmission.PreviewId"/>), which is how previews that ended without one are counted.
/// </summary>
public sealed record HelpPreviewView(Guid PreviewId, IReadOnlyList<HelpAnswer> Answers);

/// <summary>One thing the system knows, in the reader's words; <see cref="CommentId"/> names the comment it is about.</summary>
public sealed record HelpAnswer(HelpAnswerKind Kind, string Message, Guid? CommentId = null, int? AheadInQueue = null);

/// <summary>Previews in support's stats period: how many, how many were followed by a request, how many ended without one.</summary>
public sealed record HelpPreviewCounts(int Previews, int FollowedByRequest, int EndedWithoutRequest, int Personal);
