using Comments.Contracts;
using Comments.Storage;
using Comments.Storage.Comments;
using Comments.Storage.Comments.Lifecycle;
using Comments.Storage.Decisions;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Moderation.Worker.Messaging;

namespace Moderation.Worker.Comments;

/// <summary>
/// Moderates a submitted comment or revision: new comments through <see cref="DecisionGroups"/>, revisions,
/// redeliveries and failed groups here alone. Safe to repeat (docs/architecture.md, "Deciding a comment").
/// </summary>
public sealed class CommentSubmittedConsumer(
    CommentsDbContext db,
    CommentDecider decider,
    DecisionGroups groups,
    TimeProvider clock,
    QueueMetrics metrics,
    ModerationMetrics moderationMetrics,
    IOptions<ConsumerOptions> options,
    ILogger<CommentSubmittedConsumer> logger)
    : IConsumer<CommentSubmitted>
{
    public async Task Consume(ConsumeContext<CommentSubmitted> context)
    {
        var message = context.Message;
        var cancellationToken = context.CancellationToken;
        metrics.RecordLag(clock.GetUtcNow() - message.SubmittedAt);
        if (await groups.DecideAsync(message, cancellationToken) is { } decidedInGroup)
        {
            await PublishDecisionAsync(context, message, edited: false, decidedInGroup);
            return;
        }
        await DecideAloneAsync(context, message, cancellationToken);
    }

    private async Task DecideAloneAsync(ConsumeContext context, CommentSubmitted message, CancellationToken cancellationToken)
    {
        var edited = false;
        var needsHuman = false;
        StoredDecision? decided = null;

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (message.Revision == 1)
            {
                await db.InsertPendingIfAbsentAsync(message.ToPendingComment(), cancellationToken);
            }
            var comment = await db.Comments.LockAsync(message.CommentId, cancellationToken)
                ?? throw new InvalidOperationException($"Revision {message.Revision} of comment {message.CommentId} arrived before the comment; retrying.");

            if (message.Revision == comment.Revision + 1 && comment.DeletedAt is null)
            {
                var review = await db.ReviewOfEditAsync(comment, cancellationToken);
                if (review == EditReview.Refused)
                {
                    // The API refuses these; one that comes anyway (sent before a rejection, or forged) is dropped.
                    logger.LogWarning("Revision {Revision} of comment {CommentId} was refused: a moderator rejected the comment", message.Revision, message.CommentId);
                    return;
                }
                needsHuman = review == EditReview.Person;
                await ApplyRevisionAsync(comment, message, cancellationToken);
                edited = true;
            }
            else if (message.Revision > comment.Revision + 1)
            {
                throw new InvalidOperationException($"Revision {message.Revision} of comment {comment.Id} arrived before revision {comment.Revision + 1}; retrying.");
            }

            if (comment.Status == CommentStatus.Pending && message.Revision == comment.Revision)
            {
                var standing = (await decider.StandingsAsync([comment.AuthorId], cancellationToken)).GetValueOrDefault(comment.AuthorId);
                var change = await decider.DecideAsync(comment, await decider.ContextAsync(comment, message.AuthorRoles, standing, cancellationToken, needsHuman), cancellationToken);
                try
                {
                    var decision = (await db.ChangeAsync(comment, change, cancellationToken)).Decision!;
                    await db.SaveChangesAsync(cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                    moderationMetrics.Decided(decision, message.SubmittedAt);
                    decided = new StoredDecision(decision, comment.ArticleId, comment.Status);
                }
                catch (DbUpdateException exception) when (exception.IsUniqueViolation())
                {
                    logger.LogInformation("Comment {CommentId} revision {Revision} was already decided", message.CommentId, message.Revision);
                    edited = false;
                }
            }
        }
        await PublishDecisionAsync(context, message, edited, decided ?? await FindDecisionAsync(message, cancellationToken));
    }

    /// <summary>The author's new text replaces the old (kept in comment_revisions) and waits for its own decision.</summary>
    private async Task ApplyRevisionAsync(Comment comment, CommentSubmitted message, CancellationToken cancellationToken)
    {
        if (comment.Revision == 1)
        {
            db.CommentRevisions.Add(new CommentRevision { CommentId = comment.Id, Revision = 1, Body = comment.Body, CreatedAt = comment.CreatedAt });
        }
        db.CommentRevisions.Add(new CommentRevision { CommentId = comment.Id, Revision = message.Revision, Body = message.Body, CreatedAt = message.SubmittedAt });
        comment.Revision = message.Revision;
        comment.Body = message.Body;
        comment.EditedAt = message.SubmittedAt;
        await db.ChangeAsync(comment, new CommentChange(LifecycleActor.Author, comment.AuthorId, CommentAction.Edit, message.SubmittedAt), cancellationToken);
    }

    /// <summary>The decision stored for this revision by an earlier delivery of the message, if any.</summary>
    private async Task<StoredDecision?> FindDecisionAsync(CommentSubmitted message, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return await db.Decisions.AsNoTracking()
            .Where(d => d.CommentId == message.CommentId && d.Revision == message.Revision && d.Actor == Decision.SystemActor)
            .Join(db.Comments, d => d.CommentId, c => c.Id, (d, c) => new StoredDecision(d, c.ArticleId, c.Status))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Publishes the stored decision, also on a redelivery, so that a publish lost after the commit is made good. Each
    /// publish gets <see cref="ConsumerOptions.PublishTimeout"/>; the deadline stops the wait, never the publish itself
    /// (as in the API's intake: cancelling a publish half-way breaks the channel it shares with every other consumer).
    /// </summary>
    private async Task PublishDecisionAsync(ConsumeContext context, CommentSubmitted message, bool edited, StoredDecision? stored)
    {
        if (stored is null)
        {
            return; // A revision of a deleted comment, or one overtaken by a later revision: nothing was decided.
        }
        var outcome = stored.Decision.Outcome.ToString().ToLowerInvariant();
        await context.Publish(new CommentModerated
        {
            CommentId = message.CommentId,
            ArticleId = stored.ArticleId,
            Outcome = outcome,
            ReasonCodes = stored.Decision.ReasonCodes,
            Actor = stored.Decision.Actor,
            DecidedAt = stored.Decision.DecidedAt,
        }, CancellationToken.None).WaitAsync(options.Value.PublishTimeout, context.CancellationToken);
        if (edited)
        {
            await context.Publish(new CommentEdited
            {
                CommentId = message.CommentId,
                ArticleId = stored.ArticleId,
                Revision = message.Revision,
                Status = stored.Status.ToString().ToLowerInvariant(),
                EditedAt = message.SubmittedAt,
            }, CancellationToken.None).WaitAsync(options.Value.PublishTimeout, context.CancellationToken);
        }
    }
}

/// <summary>A system decision as stored, with what the events about it need from its comment.</summary>
public sealed record StoredDecision(Decision Decision, string ArticleId, CommentStatus Status);
