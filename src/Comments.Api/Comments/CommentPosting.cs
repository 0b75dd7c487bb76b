using Comments.Api.Errors;
using Comments.Api.Auth;
using Comments.Api.Infrastructure;
using Comments.Api.Observability;
using Comments.Api.Standing;
using Comments.Contracts;
using Comments.Moderation.Analysis;
using Comments.Moderation.Language;
using Comments.Moderation.Reasons;
using Comments.Moderation.Settings;
using Comments.Storage;
using Comments.Storage.Comments;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Comments.Api.Comments;

public static class CommentPosting
{
    public static async Task<Results<Accepted<AcceptedComment>, ValidationProblem, ProblemHttpResult>> PostComment(
        string articleId,
        PostCommentRequest? request,
        HttpContext http,
        BrokerIntake intake,
        CommentsDbContext db,
        IOptions<CommentOptions> options,
        IntakeMetrics metrics,
        OptionalDatabaseWork optionalWork,
        ReaderStandings standings,
        ArticleCheck articles,
        PostRefusals refusals,
        IStringLocalizer<ReaderText> text,
        TimeProvider clock)
    {
        var errors = CommentValidation.ValidatePost(articleId, request, options.Value, text);
        var (key, keyError) = IdempotencyKey.Read(http.Request);
        if (keyError is not null)
        {
            errors[IdempotencyKey.HeaderName] = [keyError];
        }
        if (errors.Count > 0)
        {
            metrics.Invalid();
            await refusals.RecordAsync(http.User.UserId(), "validation", string.Join(" ", errors.SelectMany(e => e.Value)));
            return TypedResults.ValidationProblem(errors);
        }

        var commentId = key is null ? (Guid?)null : IdempotencyKey.CommentIdFor(options.Value.SiteId, http.User.UserId()!, key);
        if (commentId is { } repeatedId && await PostedBeforeAsync(optionalWork, repeatedId, articleId, request!.Body!.Trim()) is { } answer)
        {
            return answer;
        }

        if (StandingCheck.Refusal(standings, text, http.User.UserId()!, clock.GetUtcNow()) is { } refusal)
        {
            metrics.Refused();
            await refusals.RecordAsync(http.User.UserId(), "standing", refusal.Detail);
            return refusal.ToProblem();
        }

        if (await articles.RefusalAsync(options.Value.SiteId, articleId, http.User.UserId()!, clock.GetUtcNow()) is { } closed)
        {
            metrics.Refused();
            await refusals.RecordAsync(http.User.UserId(), closed.Reason, closed.Detail);
            return closed.ToProblem(http.Response);
        }

        var placement = (Parent: (Guid?)null, Depth: 0);
        if (request!.ParentId is { } parentId)
        {
            if (await PlaceReplyAsync(db, options.Value.SiteId, articleId, parentId, http.User.UserId()!, options.Value.MaxDepth, http.RequestAborted) is not { } reply)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["parentId"] = ["parentId must name a published comment on this article, or one of your own."],
                });
            }
            placement = (reply.Parent, reply.Depth);
        }

        var now = clock.GetUtcNow();
        var comment = new CommentSubmitted
        {
            CommentId = commentId ?? Guid.CreateVersion7(now),
            SiteId = options.Value.SiteId,
            ArticleId = articleId,
            ParentId = placement.Parent,
            Depth = placement.Depth,
            AuthorId = http.User.UserId()!,
            AuthorName = http.User.DisplayName(),
            AuthorRoles = http.User.Roles(),
            Body = request.Body!.Trim(),
            // PostgreSQL keeps microseconds; cutting here keeps the message and the stored row identical.
            SubmittedAt = now.AddTicks(-(now.Ticks % 10)),
        };
        await intake.SubmitAsync(comment, http.RequestAborted);
        return TypedResults.Accepted($"/api/comments/{comment.CommentId}", new AcceptedComment(comment.CommentId, "pending", 1));
    }

    /// <summary>
    /// The answer to a retry whose comment is already stored: the same 202, or 409 when the key was used for other
    /// text. Null when it is not stored (yet), or the database does not answer within a second: then it is sent
    /// again, and the worker stores it once either way (intake does not depend on the database).
    /// </summary>
    private static async Task<Results<Accepted<AcceptedComment>, ValidationProblem, ProblemHttpResult>?> PostedBeforeAsync(
        OptionalDatabaseWork optionalWork, Guid id, string articleId, string body)
    {
        var stored = await optionalWork.TryAsync("look up a retried post", (db, token) => db.Comments.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new StoredPost(c.ArticleId, c.Body, c.Status, c.Revision, c.EditedAt)).FirstOrDefaultAsync(token), null);
        if (stored is null)
        {
            return null;
        }
        if (stored.ArticleId != articleId || (stored.EditedAt is null && stored.Body != body))
        {
            return TypedResults.Problem(title: "Idempotency key reused",
                detail: $"This {IdempotencyKey.HeaderName} was already used for a different comment; use a new key for a new comment.",
                statusCode: StatusCodes.Status409Conflict);
        }
        return TypedResults.Accepted($"/api/comments/{id}", new AcceptedComment(id, stored.Status.WireName(), stored.Revision));
    }

    private sealed record StoredPost(string ArticleId, string Body, CommentStatus Status, int Revision, DateTimeOffset? EditedAt);

    /// <summary>
    /// Where a reply goes: under its parent, or, when that would nest deeper than the limit, under the deepest
    /// ancestor that allows it. Null when the parent is not a published comment on the article (or the author's own).
    /// </summary>
    private static async Task<(Guid Parent, int Depth)?> PlaceReplyAsync(
        CommentsDbContext db, string siteId, string articleId, Guid parentId, string userId, int maxDepth, CancellationToken cancellationToken)
    {
        var parent = await db.Comments.AsNoTracking()
            .Where(c => c.Id == parentId && c.SiteId == siteId)
            .Select(c => new { c.Id, c.ArticleId, c.ParentId, c.Depth, c.AuthorId, c.Status, c.HiddenAt, c.DeletedAt })
            .FirstOrDefaultAsync(cancellationToken);
        var usable = parent is not null && parent.ArticleId == articleId && parent.DeletedAt is null
            && ((parent.Status == CommentStatus.Approved && parent.HiddenAt is null) || parent.AuthorId == userId);
        if (!usable)
        {
            return null;
        }
        var (id, depth, up) = (parent!.Id, parent.Depth, parent.ParentId);
        while (depth + 1 > maxDepth - 1 && up is { } ancestorId)
        {
            var ancestor = await db.Comments.AsNoTracking().Where(c => c.Id == ancestorId)
                .Select(c => new { c.Id, c.Depth, c.ParentId }).FirstAsync(cancellationToken);
            (id, depth, up) = (ancestor.Id, ancestor.Depth, ancestor.ParentId);
        }
        return (id, depth + 1);
    }

    public static async Task<Results<Ok<DraftCheckResult>, ValidationProblem>> CheckDraft(
        DraftCheckRequest? request,
        IOptions<CommentOptions> options,
        SiteModerationStore sites,
        ContentAnalyzer analyzer,
        IStringLocalizer<ReaderText> text,
        CancellationToken cancellationToken)
    {
        var errors = CommentValidation.ValidateBody(request?.Body, options.Value, text);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var site = await sites.GetAsync(options.Value.SiteId, cancellationToken);
        var findings = analyzer.Analyze(request!.Body!.Trim(), site.Words, site.Examples);
        var warnings = analyzer.Warnings(findings, site.Settings)
            .Select(w => new DraftWarning(w.Code, ReaderMessages.Explain(text, w.Code), w.Terms))
            .ToList();
        return TypedResults.Ok(new DraftCheckResult(warnings));
    }
}
