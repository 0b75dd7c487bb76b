using Comments.Api.Auth;
using Comments.Api.Comments;
using Comments.Api.Infrastructure;
using Comments.Api.Observability;
using Comments.Moderation.Settings;
using Comments.Storage;
using Comments.Storage.Comments;
using Comments.Storage.Support;
using Comments.Storage.Users;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Comments.Api.Support;

/// <summary>
/// The help form asks what the system already knows before the reader sends a request: where their recent comments
/// stand (with the queue ahead of a held one), their standing, the article's state, and the category's general advice.
/// Anonymous callers get only what is not personal. It writes one row, for the count of previews that ended without a request.
/// </summary>
public static class HelpPreviews
{
    private const int RecentComments = 10;
    private const int CommentAnswers = 3;
    private static readonly TimeSpan RecentPeriod = TimeSpan.FromDays(14);

    public static async Task<Ok<HelpPreviewView>> Preview(
        HelpPreviewRequest request, HttpContext http, CommentsDbContext db, IOptions<CommentOptions> options, HelpPreviewMetrics metrics,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var site = options.Value.SiteId;
        var now = clock.GetUtcNow();
        var answers = new List<HelpAnswer>();
        if (http.User.UserId() is { } reader)
        {
            answers.AddRange(await StandingAnswersAsync(db, reader, now, cancellationToken));
            answers.AddRange(await CommentAnswersAsync(db, site, reader, now, cancellationToken));
        }
        var personal = answers.Count > 0;
        if (request.ArticleId is { } articleId)
        {
            answers.AddRange(ArticleAnswers(await ArticleSettingsStore.StateAsync(db, site, articleId, now, cancellationToken)));
        }
        answers.Add(new HelpAnswer(HelpAnswerKind.General, HelpAdvice.For(request.Category)));

        var preview = new HelpPreview { Id = Guid.CreateVersion7(now), SiteId = site, Category = request.Category, Personal = personal, CreatedAt = now };
        db.HelpPreviews.Add(preview);
        await db.SaveChangesAsync(cancellationToken);
        metrics.Previewed(personal);
        return TypedResults.Ok(new HelpPreviewView(preview.Id, answers));
    }

    private static async Task<IEnumerable<HelpAnswer>> StandingAnswersAsync(CommentsDbContext db, string reader, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var standing = await db.UserStandings.AsNoTracking().FirstOrDefaultAsync(s => s.UserId == reader, cancellationToken);
        if (StandingCheck.Refusal(standing, now) is not { } refusal)
        {
            return [];
        }
        var reason = standing!.Reason is { Length: > 0 } given ? $" Reason: {given}" : "";
        return [new HelpAnswer(standing.Status == UserStatus.Banned ? HelpAnswerKind.Banned : HelpAnswerKind.Suspended,
            refusal.Detail + reason)];
    }

    private static async Task<IEnumerable<HelpAnswer>> CommentAnswersAsync(CommentsDbContext db, string site, string reader, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var recent = await db.Comments.AsNoTracking()
            .Where(c => c.AuthorId == reader && c.SiteId == site && c.CreatedAt > now - RecentPeriod && c.DeletedAt == null)
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Take(RecentComments).ToListAsync(cancellationToken);
        var reasons = await ReaderReason.ForAsync(db, recent, cancellationToken);
        var answers = new List<HelpAnswer>();
        foreach (var comment in recent.Where(c => c.Status != CommentStatus.Approved || c.HiddenAt != null).Take(CommentAnswers))
        {
            var from = $"Your comment from {When(comment.CreatedAt, now)}";
            var why = reasons[comment.Id].FirstOrDefault()?.Message;
            answers.Add(comment.Status switch
            {
                CommentStatus.Held => await HeldAnswerAsync(db, comment, $"{from} is {why ?? "waiting for a moderator"}.", cancellationToken),
                CommentStatus.Pending => new HelpAnswer(HelpAnswerKind.CommentWaiting, $"{from} is being checked; this usually takes a few seconds.", comment.Id),
                CommentStatus.Rejected => new HelpAnswer(HelpAnswerKind.CommentRemoved, $"{from} was {why ?? "removed by a moderator"}.", comment.Id),
                _ => new HelpAnswer(HelpAnswerKind.CommentHidden, $"{from} is hidden after readers reported it, until a moderator looks at it.", comment.Id),
            });
        }
        return answers;
    }

    private static async Task<HelpAnswer> HeldAnswerAsync(CommentsDbContext db, Comment comment, string message, CancellationToken cancellationToken)
    {
        var ahead = await db.Comments.AheadOfAsync(comment, cancellationToken);
        var queue = ahead switch
        {
            0 => " It is next in the moderators' queue.",
            1 => " 1 comment is ahead of it in the moderators' queue.",
            _ => $" {ahead} comments are ahead of it in the moderators' queue.",
        };
        return new HelpAnswer(HelpAnswerKind.CommentWaiting, message + queue, comment.Id, ahead);
    }

    private static IEnumerable<HelpAnswer> ArticleAnswers(ArticleState state) =>
        state.Closed ? [new HelpAnswer(HelpAnswerKind.ArticleClosed, ArticleCheck.ClosedDetail(state))]
        : state.SlowModeSeconds > 0 ? [new HelpAnswer(HelpAnswerKind.SlowMode, ArticleCheck.SlowModeRule(state) + ".")]
        : [];

    private static string When(DateTimeOffset at, DateTimeOffset now) =>
        at.UtcDateTime.Date == now.UtcDateTime.Date ? $"{at.UtcDateTime:HH:mm} UTC" : $"{at.UtcDateTime:yyyy-MM-dd HH:mm} UTC";
}
