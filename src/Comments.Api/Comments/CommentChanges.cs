using Comments.Api.Errors;
using Comments.Api.Auth;
using Comments.Api.Infrastructure;
using Comments.Api.Events;
using Comments.Api.Standing;
using Comments.Contracts;
using Comments.Moderation.Language;
using Comments.Storage;
using Comments.Storage.Comments;
using Comments.Storage.Comments.Lifecycle;
using Comments.Storage.Decisions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using System.Globalization;

namespace Comments.Api.Comments;

/// <summary>Authors edit (within the window; each edit is moderated again) and delete their own comments.</summary>
public static class CommentChanges
{
    public static async Task<Results<Accepted<AcceptedComment>, NotFound, ProblemHttpResult, ValidationProblem>> EditComment(
        Guid id,
        DraftCheckRequest? request,
        HttpContext http,
        CommentsDbContext db,
        BrokerIntake intake,
        ReaderStandings standings,
        ArticleCheck articles,
        IOptions<CommentOptions> options,
        IStringLocalizer<ReaderText> text,
        TimeProvider clock)
    {
        var errors = CommentValidation.ValidateBody(request?.Body, options.Value, text);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var comment = await db.Comments.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, http.RequestAborted);
        if (comment is null || comment.AuthorId != http.User.UserId())
        {
            return TypedResults.NotFound();
        }
        var now = clock.GetUtcNow();
        if (StandingCheck.Refusal(standings, text, comment.AuthorId, now) is { } refusal)
        {
            return refusal.ToProblem();
        }
        if (comment.DeletedAt is not null)
        {
            return Conflict(text[ReaderKeys.EditDeletedTitle], text[ReaderKeys.EditDeletedDetail]);
        }
        if (await articles.RefusalAsync(comment.SiteId, comment.ArticleId, slowModeAuthor: null, now) is { } closed)
        {
            return closed.ToProblem(http.Response);
        }
        // An edit must not undo a moderator's rejection; the worker sends edits of comments a person decided to a person.
        if (await db.ReviewOfEditAsync(comment, http.RequestAborted) == EditReview.Refused)
        {
            return Conflict(text[ReaderKeys.EditRejectedTitle], text[ReaderKeys.EditRejectedDetail]);
        }
        if (now - comment.CreatedAt > options.Value.EditWindow)
        {
            return Conflict(text[ReaderKeys.EditWindowClosedTitle], text.Say(ReaderKeys.EditWindowClosedDetail, ("minutes", options.Value.EditWindow.TotalMinutes.ToString("0", CultureInfo.InvariantCulture))));
        }

        var revision = comment.Revision + 1;
        await intake.SubmitAsync(new CommentSubmitted
        {
            CommentId = comment.Id,
            SiteId = comment.SiteId,
            ArticleId = comment.ArticleId,
            ParentId = comment.ParentId,
            Depth = comment.Depth,
            Revision = revision,
            AuthorId = comment.AuthorId,
            AuthorName = comment.AuthorName,
            AuthorRoles = http.User.Roles(),
            Body = request!.Body!.Trim(),
            SubmittedAt = now.AddTicks(-(now.Ticks % 10)),
        }, http.RequestAborted);
        return TypedResults.Accepted($"/api/comments/{comment.Id}", new AcceptedComment(comment.Id, "pending", revision));
    }

    public static async Task<Results<NoContent, NotFound>> DeleteComment(
        Guid id, HttpContext http, CommentsDbContext db, EventPublisher events, TimeProvider clock)
    {
        var cancellationToken = http.RequestAborted;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var comment = await db.Comments.LockAsync(id, cancellationToken);
        if (comment is null || comment.AuthorId != http.User.UserId())
        {
            return TypedResults.NotFound();
        }
        if (comment.DeletedAt is not null)
        {
            return TypedResults.NoContent();
        }
        var transition = await db.ChangeAsync(comment, new CommentChange(LifecycleActor.Author, comment.AuthorId, CommentAction.Delete, clock.GetUtcNow()), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        await events.PublishAsync(transition);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult Conflict(string title, string detail) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status409Conflict);
}
