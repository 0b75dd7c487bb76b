using Comments.Moderation.Analysis;
using Comments.Moderation.Settings;
using Comments.Storage;
using Comments.Storage.Comments;
using Comments.Storage.Comments.Lifecycle;
using Comments.Storage.Decisions;
using Comments.Storage.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Moderation.Worker.Pipeline;

namespace Moderation.Worker.Comments;

/// <summary>
/// Runs the pipeline on a locked, pending comment and gives its outcome as a lifecycle change (the caller applies it,
/// saves and commits). One per scope: a site's settings and word lists, and an article's settings,
/// are read once per scope, so a message decided on its own reads them fresh and a group reads them once.
/// </summary>
public sealed class CommentDecider(
    CommentsDbContext db, ModerationPipeline pipeline, SiteModerationStore sites, ContentAnalyzer analyzer, TimeProvider clock,
    IOptions<PostingLimitOptions> postingLimit)
{
    private readonly Dictionary<string, SiteModeration> _sites = [];
    private readonly Dictionary<(string Site, string Article), (ArticleModerationSettings Settings, ActiveProtection? Protection)> _articles = [];

    public async Task<Dictionary<string, UserStanding>> StandingsAsync(IEnumerable<string> authorIds, CancellationToken cancellationToken)
    {
        var ids = authorIds.Distinct().ToList();
        return await db.UserStandings.AsNoTracking().Where(s => ids.Contains(s.UserId)).ToDictionaryAsync(s => s.UserId, cancellationToken);
    }

    /// <summary>Reads the settings of all the articles of a group's comments at once, for <see cref="ContextAsync"/>.</summary>
    public async Task ReadArticlesAsync(IEnumerable<Comment> comments, CancellationToken cancellationToken)
    {
        var missing = comments.Select(c => (c.SiteId, c.ArticleId)).Distinct().Where(a => !_articles.ContainsKey(a)).ToList();
        if (missing.Count > 0)
        {
            foreach (var (article, state) in await ArticleSettingsStore.ManyAsync(db, missing, clock.GetUtcNow(), cancellationToken))
            {
                _articles[article] = state;
            }
        }
    }

    /// <summary>What the pipeline needs for the comment; its author's history is read when first asked for, unless given beforehand.</summary>
    public async Task<ModerationContext> ContextAsync(
        Comment comment, IReadOnlyList<string> roles, UserStanding? standing, CancellationToken cancellationToken, bool needsHuman = false)
    {
        var subject = new ModerationSubject(comment.Id, comment.SiteId, comment.AuthorId, roles, comment.Body, comment.EditedAt ?? comment.CreatedAt, standing, needsHuman,
            IsEdit: comment.EditedAt is not null);
        if (!_sites.TryGetValue(comment.SiteId, out var site))
        {
            site = _sites[comment.SiteId] = await sites.GetAsync(comment.SiteId, cancellationToken);
        }
        await ReadArticlesAsync([comment], cancellationToken);
        var article = _articles[(comment.SiteId, comment.ArticleId)];
        return new ModerationContext(subject, site, analyzer, new AuthorHistory(db, subject)) { Article = article.Settings, Protection = article.Protection, PostingLimit = postingLimit.Value };
    }

    /// <summary>The pipeline's decision as a change for <see cref="CommentLifecycle"/>; the caller applies it.</summary>
    public async Task<CommentChange> DecideAsync(Comment comment, ModerationContext context, CancellationToken cancellationToken)
    {
        var result = await pipeline.ModerateAsync(context, cancellationToken);
        var now = clock.GetUtcNow();
        // PostgreSQL keeps microseconds; cutting here keeps the published event and the stored row identical.
        return new CommentChange(LifecycleActor.Pipeline, Decision.SystemActor, result.Outcome switch
        {
            DecisionOutcome.Approved => CommentAction.Approve,
            DecisionOutcome.Held => CommentAction.Hold,
            _ => CommentAction.Reject,
        }, now.AddTicks(-(now.Ticks % 10)))
        {
            ReasonCodes = [.. result.ReasonCodes],
            Details = result.Details,
            Audit = new { result.Details.Scores, result.Details.ModelVersions },
        };
    }
}
