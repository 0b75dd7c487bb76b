using Comments.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Comments.Storage.Support;

public static class HelpRequestIntake
{
    /// <summary>
    /// Stores a submitted request as new and untriaged unless it exists; the API and the worker both call this, in either
    /// order and at the same time (hence no conflict target: the id and the reference are both unique).
    /// </summary>
    public static Task<int> InsertIfAbsentAsync(this CommentsDbContext db, HelpRequestSubmitted request, CancellationToken cancellationToken)
    {
        // A category the API did not check (a message from elsewhere on the broker's network) is treated as not given.
        var given = WireNames<HelpRequestCategory>.TryParse(request.Category, out var category);
        const HelpRequestPriority priority = HelpRequestPriority.Normal;
        var due = request.SubmittedAt + HelpDesk.FirstReplyWithin(priority);
        var tokenHash = request.AccessToken is { } token ? HelpRequestAccess.Hash(token) : null;
        return db.Database.ExecuteSqlInterpolatedAsync($"""
            insert into help_requests (id, reference, requester_id, email, contact_email, access_token_hash, article_id, comment_id, category, category_given, priority,
                priority_rank, status, message, user_agent, page, is_spam, triaged, escalated, created_at, updated_at, first_reply_due_at)
            values ({request.HelpRequestId}, {request.Reference}, {request.RequesterId}, {request.Email}, {request.ContactEmail}, {tokenHash}, {request.ArticleId}, {request.CommentId},
                {(given ? category : HelpRequestCategory.Other).WireName()}, {given}, {priority.WireName()}, {(int)priority}, {HelpRequestStatus.New.WireName()}, {request.Message}, {request.UserAgent}, {request.Page},
                false, false, false, {request.SubmittedAt}, {request.SubmittedAt}, {due})
            on conflict do nothing
            """, cancellationToken);
    }
}
