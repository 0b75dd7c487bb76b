using Comments.Moderation.Language;
using Comments.Storage;
using Comments.Moderation.Reasons;
using Comments.Storage.Comments;
using Comments.Storage.Decisions;
using Microsoft.Extensions.Localization;

namespace Comments.Api.Comments;

/// <summary>A reason shown to the comment's author: the code and a sentence for readers (no scores), in the request's language.</summary>
public sealed record ReaderReason(string Code, string Message)
{
    public static IReadOnlyList<ReaderReason> For(IStringLocalizer<ReaderText> text, Comment comment, Decision? decision)
    {
        if (decision is null || comment.Status is CommentStatus.Approved or CommentStatus.Pending)
        {
            return [];
        }
        var status = comment.Status.WireName();
        var reasons = decision.Actor == Decision.SystemActor && decision.Details.Reasons.Count > 0
            ? decision.Details.Reasons.Select(r => (Code: r.Code, Detail: r.Detail))
            : decision.ReasonCodes.Select(code => (Code: code, Detail: (string?)null));
        return [.. reasons.Where(r => r.Code != ReasonCodes.Staff).Select(r => new ReaderReason(r.Code, ReaderMessages.For(text, status, decision, r.Code, r.Detail)))];
    }
}
