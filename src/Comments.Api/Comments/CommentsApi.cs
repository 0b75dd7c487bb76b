using Comments.Api.Auth;
using Comments.Contracts;
using Comments.Moderation.Analysis;
using Comments.Moderation.Reasons;
using Comments.Moderation.Settings;
using Comments.Storage;
using Comments.Storage.Comments;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Comments.Api.Comments;

/// <summary>Readers post comments and read them.</summary>
public static class CommentsApi
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public static RouteGroupBuilder MapCommentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Comments");
        var maxBodyBytes = app.ServiceProvider.GetRequiredService<IOptions<CommentOptions>>().Value.MaxRequestBodyBytes;

        api.MapPost("/articles/{articleId}/comments", PostComment)
            .RequireAuthorization(Policies.Commenter)
            .WithMetadata(new RequestSizeLimitAttribute(maxBodyBytes));
        api.MapPost("/comments/check", CheckDraft)
            .RequireAuthorization(Policies.Commenter)
            .WithMetadata(new RequestSizeLimitAttribute(maxBodyBytes));
        api.MapGet("/articles/{articleId}/comments", ListArticleComments);
        api.MapGet("/comments/{id:guid}", GetComment).WithName(nameof(GetComment));
        return api;
    }

    public static async Task<Results<Accepted<AcceptedComment>, ValidationProblem>> PostComment(
        string articleId,
        PostCommentRequest? request,
        HttpContext http,
        CommentIntake intake,
        IOptions<CommentOptions> options,
        TimeProvider clock)
    {
        var errors = CommentValidation.ValidatePost(articleId, request, options.Value);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var now = clock.GetUtcNow();
        var comment = new CommentSubmitted
        {
            CommentId = Guid.CreateVersion7(now),
            SiteId = options.Value.SiteId,
            ArticleId = articleId,
            ParentId = request!.ParentId,
            AuthorId = http.User.UserId()!,
            AuthorName = http.User.DisplayName(),
            AuthorRoles = http.User.Roles(),
            Body = request.Body!.Trim(),
            // PostgreSQL keeps microseconds; cutting here keeps the message and the stored row identical.
            SubmittedAt = now.AddTicks(-(now.Ticks % 10)),
        };
        await intake.SubmitAsync(comment, http.RequestAborted);
        return TypedResults.Accepted($"/api/comments/{comment.CommentId}", new AcceptedComment(comment.CommentId, "pending"));
    }

    public static async Task<Results<Ok<DraftCheckResult>, ValidationProblem>> CheckDraft(
        DraftCheckRequest? request,
        IOptions<CommentOptions> options,
        SiteModerationStore sites,
        ContentAnalyzer analyzer,
        CancellationToken cancellationToken)
    {
        var errors = CommentValidation.ValidateBody(request?.Body, options.Value);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var site = await sites.GetAsync(options.Value.SiteId, cancellationToken);
        var findings = analyzer.Analyze(request!.Body!.Trim(), site.Words);
        var warnings = analyzer.Warnings(findings, site.Settings)
            .Select(w => new DraftWarning(w.Code, ReaderMessages.Explain(w.Code), w.Terms))
            .ToList();
        return TypedResults.Ok(new DraftCheckResult(warnings));
    }

    public static async Task<Results<Ok<CommentView>, NotFound>> GetComment(
        Guid id, HttpContext http, CommentsDbContext db, CancellationToken cancellationToken)
    {
        var comment = await db.Comments.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (comment is null)
        {
            return TypedResults.NotFound();
        }
        if (comment.AuthorId == http.User.UserId())
        {
            var decision = await db.Decisions.AsNoTracking()
                .Where(d => d.CommentId == id && d.Revision == comment.Revision)
                .OrderByDescending(d => d.DecidedAt)
                .FirstOrDefaultAsync(cancellationToken);
            return TypedResults.Ok(CommentView.From(comment, ReaderReason.For(comment, decision)));
        }
        return comment.Status == CommentStatus.Approved ? TypedResults.Ok(CommentView.From(comment)) : TypedResults.NotFound();
    }

    public static async Task<Results<Ok<Page<CommentView>>, ValidationProblem>> ListArticleComments(
        string articleId, int? limit, string? cursor, CommentsDbContext db, CancellationToken cancellationToken)
    {
        var errors = CommentValidation.ValidateListing(articleId, limit, cursor, out var position);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var pageSize = limit ?? DefaultPageSize;
        var query = db.Comments.AsNoTracking().Where(c => c.ArticleId == articleId && c.Status == CommentStatus.Approved);
        if (position is not null)
        {
            query = query.Where(c => EF.Functions.LessThan(
                ValueTuple.Create(c.CreatedAt, c.Id), ValueTuple.Create(position.CreatedAt, position.Id)));
        }
        var rows = await query
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Take(pageSize + 1)
            .ToListAsync(cancellationToken);

        var items = rows.Take(pageSize).Select(c => CommentView.From(c)).ToList();
        var next = rows.Count > pageSize ? new ListingCursor(rows[pageSize - 1].CreatedAt, rows[pageSize - 1].Id).Encode() : null;
        return TypedResults.Ok(new Page<CommentView>(items, next));
    }
}
