using Comments.Contracts;
using Comments.Moderation.Analysis;
using Comments.Moderation.Settings;
using Comments.Storage;
using Comments.Storage.Comments;
using Comments.Storage.Decisions;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Moderation.Worker.Pipeline;

namespace Moderation.Worker.Comments;

/// <summary>
/// Moderates a submitted comment and stores it with its decision in one transaction. Safe to run any number of
/// times for the same message: the comment row is locked while it is decided, a comment that already has its
/// decision is not decided again (its decision is published again instead), and the unique key on system decisions
/// is the last guard.
/// </summary>
public sealed class CommentSubmittedConsumer(
    CommentsDbContext db,
    ModerationPipeline pipeline,
    SiteModerationStore sites,
    ContentAnalyzer analyzer,
    TimeProvider clock,
    ILogger<CommentSubmittedConsumer> logger)
    : IConsumer<CommentSubmitted>
{
    public async Task Consume(ConsumeContext<CommentSubmitted> context)
    {
        var message = context.Message;
        var cancellationToken = context.CancellationToken;

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.InsertPendingIfAbsentAsync(message.ToPendingComment(), cancellationToken);
            var comment = await db.Comments.LockAsync(message.CommentId, cancellationToken);
            if (comment.Status == CommentStatus.Pending)
            {
                Decide(comment, await ModerateAsync(comment, message.AuthorRoles, cancellationToken));
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                }
                catch (DbUpdateException exception) when (exception.IsUniqueViolation())
                {
                    logger.LogInformation("Comment {CommentId} was already decided", message.CommentId);
                }
            }
        }
        await PublishDecisionAsync(context, message.CommentId);
    }

    private async Task<ModerationResult> ModerateAsync(Comment comment, IReadOnlyList<string> roles, CancellationToken cancellationToken)
    {
        var standing = await db.UserStandings.AsNoTracking().FirstOrDefaultAsync(s => s.UserId == comment.AuthorId, cancellationToken);
        var subject = new ModerationSubject(comment.Id, comment.SiteId, comment.AuthorId, roles, comment.Body, comment.CreatedAt, standing);
        var site = await sites.GetAsync(comment.SiteId, cancellationToken);
        var context = new ModerationContext(subject, site, analyzer, new AuthorHistory(db, subject));
        return await pipeline.ModerateAsync(context, cancellationToken);
    }

    private void Decide(Comment comment, ModerationResult result)
    {
        comment.Status = result.Outcome switch
        {
            DecisionOutcome.Approved => CommentStatus.Approved,
            DecisionOutcome.Held => CommentStatus.Held,
            _ => CommentStatus.Rejected,
        };
        comment.UpdatedAt = clock.GetUtcNow();
        db.Decisions.Add(new Decision
        {
            Id = Guid.CreateVersion7(),
            CommentId = comment.Id,
            Revision = comment.Revision,
            Outcome = result.Outcome,
            ReasonCodes = [.. result.ReasonCodes],
            Actor = Decision.SystemActor,
            DecidedAt = comment.UpdatedAt,
            Details = result.Details,
        });
    }

    /// <summary>Publishes the stored decision, also on a redelivery, so that a publish lost after the commit is made good.</summary>
    private async Task PublishDecisionAsync(ConsumeContext context, Guid commentId)
    {
        db.ChangeTracker.Clear();
        var stored = await db.Decisions.AsNoTracking()
            .Where(d => d.CommentId == commentId && d.Actor == Decision.SystemActor)
            .OrderByDescending(d => d.Revision)
            .Join(db.Comments, d => d.CommentId, c => c.Id, (d, c) => new { Decision = d, c.ArticleId })
            .FirstAsync(context.CancellationToken);
        await context.Publish(new CommentModerated
        {
            CommentId = commentId,
            ArticleId = stored.ArticleId,
            Outcome = stored.Decision.Outcome.ToString().ToLowerInvariant(),
            ReasonCodes = stored.Decision.ReasonCodes,
            Actor = stored.Decision.Actor,
            DecidedAt = stored.Decision.DecidedAt,
        }, context.CancellationToken);
    }
}
