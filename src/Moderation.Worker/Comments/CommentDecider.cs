using Comments.Moderation.Analysis;
using Comments.Moderation.Settings;
using Comments.Storage;
using Comments.Storage.Audit;
using Comments.Storage.Comments;
using Comments.Storage.Decisions;
using Comments.Storage.Users;
using Microsoft.EntityFrameworkCore;
using Moderation.Worker.Pipeline;

namespace Moderation.Worker.Comments;

/// <summary>
/// Runs the pipeline on a locked, pending comment and records the outcome on the unit of work: the comment's status,
/// the decision and the audit entry (the caller saves and commits). One per scope: a site's settings and word lists
/// are read once per scope, so a message decided on its own reads them fresh and a group reads them once.
/// </summary>
public sealed class CommentDecider(CommentsDbContext db, ModerationPipeline pipeline, SiteModerationStore sites, ContentAnalyzer analyzer, TimeProvider clock)
{
    private readonly Dictionary<string, SiteModeration> _sites = [];

    public async Task<Dictionary<string, UserStanding>> StandingsAsync(IEnumerable<string> authorIds, CancellationToken cancellationToken)
    {
        var ids = authorIds.Distinct().ToList();
        return await db.UserStandings.AsNoTracking().Where(s => ids.Contains(s.UserId)).ToDictionaryAsync(s => s.UserId, cancellationToken);
    }

    /// <summary>What the pipeline needs for the comment; its author's history is read when first asked for, unless given beforehand.</summary>
    public async Task<ModerationContext> ContextAsync(
        Comment comment, IReadOnlyList<string> roles, UserStanding? standing, CancellationToken cancellationToken, bool needsHuman = false)
    {
        var subject = new ModerationSubject(comment.Id, comment.SiteId, comment.AuthorId, roles, comment.Body, comment.EditedAt ?? comment.CreatedAt, standing, needsHuman);
        if (!_sites.TryGetValue(comment.SiteId, out var site))
        {
            site = _sites[comment.SiteId] = await sites.GetAsync(comment.SiteId, cancellationToken);
        }
        return new ModerationContext(subject, site, analyzer, new AuthorHistory(db, subject));
    }

    /// <summary>Whether an edit of this comment must go to a person: it waits for one, or a person rejected it, or approved it and it was reported.</summary>
    public async Task<bool> NeedsHumanAsync(Comment comment, CancellationToken cancellationToken) =>
        comment.Status == CommentStatus.Held
        || await db.Decisions.AnyAsync(d => d.CommentId == comment.Id && d.Actor != Decision.SystemActor
            && (d.Outcome == DecisionOutcome.Rejected || db.Reports.Any(r => r.CommentId == comment.Id)), cancellationToken);

    public async Task<Decision> DecideAsync(Comment comment, ModerationContext context, CancellationToken cancellationToken) =>
        Record(comment, await pipeline.ModerateAsync(context, cancellationToken));

    private Decision Record(Comment comment, ModerationResult result)
    {
        comment.Status = result.Outcome switch
        {
            DecisionOutcome.Approved => CommentStatus.Approved,
            DecisionOutcome.Held => CommentStatus.Held,
            _ => CommentStatus.Rejected,
        };
        var now = clock.GetUtcNow();
        // PostgreSQL keeps microseconds; cutting here keeps the published event and the stored row identical.
        comment.UpdatedAt = now.AddTicks(-(now.Ticks % 10));
        var decision = new Decision
        {
            Id = Guid.CreateVersion7(),
            CommentId = comment.Id,
            Revision = comment.Revision,
            Outcome = result.Outcome,
            ReasonCodes = [.. result.ReasonCodes],
            Actor = Decision.SystemActor,
            DecidedAt = comment.UpdatedAt,
            Details = result.Details,
        };
        db.Decisions.Add(decision);
        db.Audit(Decision.SystemActor, comment.Status.ToString().ToLowerInvariant(), "comment", comment.Id.ToString(), comment.UpdatedAt, null,
            new { comment.Revision, result.ReasonCodes, result.Details.Scores, result.Details.ModelVersions });
        return decision;
    }
}
