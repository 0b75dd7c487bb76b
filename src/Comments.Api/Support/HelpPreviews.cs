using Comments.Api.Auth;
using Comments.Api.Comments;
using Comments.Api.Infrastructure;
using Comments.Api.Observability;
using Comments.Api.Standing;
using Comments.Moderation.Language;
using Comments.Moderation.Settings;
using Comments.Storage;
using Comments.Storage.Comments;
using Comments.Storage.Support;
using Comments.Storage.Users;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using System.Globalization;

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
        IStringLocalizer<ReaderText> text, TimeProvider clock, CancellationToken cancellationToken)
    {
        var site = options.Value.SiteId;
        var now = clock.GetUtcNow();
        var answers = new List<HelpAnswer>();
        if (http.User.UserId() is { } reader)
        {
            answers.AddRange(await StandingAnswersAsync(text, db, reader, now, cancellationToken));
            answers.AddRange(await CommentAnswersAsync(text, db, site, reader, now, cancellationToken));
        }
        var personal = answers.Count > 0;
        if (request.ArticleId is { } articleId)
        {
            answers.AddRange(ArticleAnswers(text, await ArticleSettingsStore.StateAsync(db, site, articleId, now, cancellationToken)));
        }
        answers.Add(new HelpAnswer(HelpAnswerKind.General, HelpAdvice.For(text, request.Category)));

        var preview = new HelpPreview { Id = Guid.CreateVersion7(now), SiteId = site, Category = request.Category, Personal = personal, CreatedAt = now };
        db.HelpPreviews.Add(preview);
        await db.SaveChangesAsync(cancellationToken);
        metrics.Previewed(personal);
        return TypedResults.Ok(new HelpPreviewView(preview.Id, answers));
    }

    private static async Task<IEnumerable<HelpAnswer>> StandingAnswersAsync(IStringLocalizer<ReaderText> text, CommentsDbContext db, string reader, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var standing = await db.UserStandings.AsNoTracking().FirstOrDefaultAsync(s => s.UserId == reader, cancellationToken);
        if (StandingCheck.Refusal(text, standing?.Status, standing?.SuspendedUntil, now) is not { } refusal)
        {
            return [];
        }
        var message = standing!.Reason is { Length: > 0 } reason
            ? text.Say(ReaderKeys.PreviewStandingReason, ("detail", refusal.Detail), ("reason", reason))
            : refusal.Detail;
        return [new HelpAnswer(standing.Status == UserStatus.Banned ? HelpAnswerKind.Banned : HelpAnswerKind.Suspended, message)];
    }

    private static async Task<IEnumerable<HelpAnswer>> CommentAnswersAsync(IStringLocalizer<ReaderText> text, CommentsDbContext db, string site, string reader, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var recent = await db.Comments.AsNoTracking()
            .Where(c => c.AuthorId == reader && c.SiteId == site && c.CreatedAt > now - RecentPeriod && c.DeletedAt == null)
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Take(RecentComments).ToListAsync(cancellationToken);
        var reasons = await ReaderReason.ForAsync(text, db, recent, cancellationToken);
        var answers = new List<HelpAnswer>();
        foreach (var comment in recent.Where(c => c.Status != CommentStatus.Approved || c.HiddenAt != null).Take(CommentAnswers))
        {
            var time = ("time", When(comment.CreatedAt, now));
            var why = reasons[comment.Id].FirstOrDefault()?.Message;
            answers.Add(comment.Status switch
            {
                CommentStatus.Held => await HeldAnswerAsync(text, db, comment, why is null
                    ? text.Say(ReaderKeys.PreviewHeldNoReason, time) : text.Say(ReaderKeys.PreviewHeld, time, ("reason", why)), cancellationToken),
                CommentStatus.Pending => new HelpAnswer(HelpAnswerKind.CommentWaiting, text.Say(ReaderKeys.PreviewPending, time), comment.Id),
                CommentStatus.Rejected => new HelpAnswer(HelpAnswerKind.CommentRemoved, why is null
                    ? text.Say(ReaderKeys.PreviewRemovedNoReason, time) : text.Say(ReaderKeys.PreviewRemoved, time, ("reason", why)), comment.Id),
                _ => new HelpAnswer(HelpAnswerKind.CommentHidden, text.Say(ReaderKeys.PreviewHidden, time), comment.Id),
            });
        }
        return answers;
    }

    private static async Task<HelpAnswer> HeldAnswerAsync(IStringLocalizer<ReaderText> text, CommentsDbContext db, Comment comment, string message, CancellationToken cancellationToken)
    {
        var ahead = await db.Comments.AheadOfAsync(comment, cancellationToken);
        var queue = ahead switch
        {
            0 => text[ReaderKeys.PreviewQueueNext],
            1 => text[ReaderKeys.PreviewQueueOne],
            _ => text.Say(ReaderKeys.PreviewQueueMany, ("count", ahead)),
        };
        return new HelpAnswer(HelpAnswerKind.CommentWaiting, $"{message} {queue}", comment.Id, ahead);
    }

    private static IEnumerable<HelpAnswer> ArticleAnswers(IStringLocalizer<ReaderText> text, ArticleState state) =>
        state.Closed ? [new HelpAnswer(HelpAnswerKind.ArticleClosed, state.ClosedReason == ArticleClosedReason.AutoClose
            ? text.Say(ReaderKeys.ArticleClosedAutomatically, ("date", state.ClosesAt?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)))
            : text[ReaderKeys.ArticleClosedByModerator])]
        : state.SlowModeSeconds > 0 ? [new HelpAnswer(HelpAnswerKind.SlowMode, text.Say(ReaderKeys.PreviewSlowMode, ("seconds", state.SlowModeSeconds)))]
        : [];

    private static string When(DateTimeOffset at, DateTimeOffset now) =>
        at.UtcDateTime.ToString(at.UtcDateTime.Date == now.UtcDateTime.Date ? "HH:mm 'UTC'" : "yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
