using Comments.Api.Infrastructure.ArticleStates;
using Comments.Moderation.Language;
using Comments.Moderation.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using System.Globalization;

namespace Comments.Api.Infrastructure;

/// <summary>
/// Whether an article takes a reader's post or edit now: not when it is closed (its state from <see cref="ArticleStateCache"/>), nor a second post by the same reader
/// within its slow mode (stored comments from the database, posts still on their way from <see cref="SlowModeGate"/>).
/// When the database cannot be asked in time the post goes ahead, as with <see cref="StandingCheck"/>. Its sentences are in the
/// reader's language (the request's culture).
/// </summary>
public sealed class ArticleCheck(ArticleStateCache states, OptionalDatabaseWork optionalWork, SlowModeGate gate, IStringLocalizer<ReaderText> text)
{
    /// <param name="slowModeAuthor">The reader posting a new comment, whose last comment slow mode counts from; null for an edit.</param>
    public async Task<ArticleRefusal?> RefusalAsync(string siteId, string articleId, string? slowModeAuthor, DateTimeOffset now)
    {
        var state = await states.StateAsync(siteId, articleId, now);
        if (state is null)
        {
            return null;
        }
        if (state.Closed)
        {
            return new ArticleRefusal(StatusCodes.Status403Forbidden, "article_closed", text[ReaderKeys.ArticleClosedTitle], state.ClosedReason == ArticleClosedReason.AutoClose
                ? text.Say(ReaderKeys.ArticleClosedAutomatically, ("date", state.ClosesAt?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)))
                : text[ReaderKeys.ArticleClosedByModerator]);
        }
        if (slowModeAuthor is null || state.SlowModeSeconds <= 0)
        {
            return null;
        }
        var window = TimeSpan.FromSeconds(state.SlowModeSeconds);
        var last = await optionalWork.TryAsync("check the reader's last comment", (db, token) => db.Comments.AsNoTracking()
            .Where(c => c.AuthorId == slowModeAuthor && c.CreatedAt > now - window && c.ArticleId == articleId && c.SiteId == siteId)
            .MaxAsync(c => (DateTimeOffset?)c.CreatedAt, token), null);
        var wait = last is { } previous
            ? Math.Max(1, (int)Math.Ceiling((previous + window - now).TotalSeconds))
            : gate.TryEnter(siteId, articleId, slowModeAuthor, state.SlowModeSeconds);
        return wait is { } seconds
            ? new ArticleRefusal(StatusCodes.Status429TooManyRequests, "slow_mode", text[ReaderKeys.SlowModeTitle],
                text.Say(ReaderKeys.SlowModeDetail, ("seconds", state.SlowModeSeconds), ("wait", seconds)), seconds)
            : null;
    }
}
