using Comments.Storage;
using Comments.Storage.Comments;
using Comments.Storage.Support;
using Comments.Storage.Users;
using Microsoft.EntityFrameworkCore;

namespace Comments.Api.Support;

/// <summary>Writes a moderator's answer to an appeal back to the help request, where the reader sees it.</summary>
public static class AppealOutcomes
{
    public static async Task RecordForCommentAsync(CommentsDbContext db, Comment comment, string moderator, string? explanation, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (comment.AppealHelpRequestId is not { } requestId)
        {
            return;
        }
        var outcome = comment.Status == CommentStatus.Approved
            ? "A moderator reviewed your appeal and published the comment again."
            : $"A moderator reviewed your appeal and the removal stands{(string.IsNullOrWhiteSpace(explanation) ? "." : $": {explanation}")}";
        comment.AppealHelpRequestId = null;
        await ResolveAsync(db, db.HelpRequests.Where(r => r.Id == requestId), moderator, outcome, now, cancellationToken);
    }

    public static Task RecordForUserAsync(CommentsDbContext db, string userId, UserAction action, DateTimeOffset? until, string moderator, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var outcome = action switch
        {
            UserAction.Restore => "A moderator reviewed your appeal and restored your account.",
            UserAction.Suspend => $"A moderator reviewed your appeal; your account is suspended until {until:yyyy-MM-dd HH:mm} UTC.",
            UserAction.Ban => "A moderator reviewed your appeal and the ban stands.",
            UserAction.Premod => "A moderator reviewed your appeal; you can post, and your comments are checked before they appear.",
            _ => null,
        };
        return outcome is null
            ? Task.CompletedTask
            : ResolveAsync(db, db.HelpRequests.Where(r => r.RequesterId == userId && r.CommentId == null && r.Escalated && r.Outcome == null), moderator, outcome, now, cancellationToken);
    }

    private static async Task ResolveAsync(CommentsDbContext db, IQueryable<HelpRequest> requests, string moderator, string outcome, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var request in await requests.ToListAsync(cancellationToken))
        {
            request.Outcome = outcome;
            request.Status = HelpRequestStatus.Resolved;
            request.UpdatedAt = now;
            db.HelpRequestEvents.Add(HelpRequestEvent.Create(request.Id, HelpRequestEventKind.Outcome, moderator, now, visibleToReader: true, body: outcome));
        }
    }
}
