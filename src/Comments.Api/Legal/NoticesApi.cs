using System.Globalization;
using System.Net.Mail;
using Comments.Api.Auth;
using Comments.Api.Infrastructure;
using Comments.Api.RateLimiting;
using Comments.Api.Support;
using Comments.Moderation.Language;
using Comments.Moderation.Settings;
using Comments.Storage;
using Comments.Storage.Legal;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Comments.Api.Legal;

/// <summary>
/// Notices of illegal content (Digital Services Act article 16): anyone, signed in or not, about a public comment of
/// this site. The notice is stored at once, acknowledged with its LN- reference (and by mail), and waits in the legal
/// queue (<see cref="LegalQueueApi"/>), apart from readers' reports.
/// </summary>
public static class NoticesApi
{
    public static IEndpointRouteBuilder MapNoticesApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/comments/{id:guid}/notices", Send).WithTags("Legal notices")
            .RequireRateLimiting(RateLimitPolicies.Notices).WithMetadata(new RequestSizeLimitAttribute(16 * 1024));
        app.MapGet("/api/legal/notice-categories", Categories).WithTags("Legal notices");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<NoticeCategoryView>>> Categories(
        SiteModerationStore sites, IOptions<CommentOptions> options, IStringLocalizer<ReaderText> text, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<NoticeCategoryView>>(
            [.. (await NoticeCategories.ForSiteAsync(sites, options.Value.SiteId, cancellationToken)).Select(c => NoticeCategories.View(text, c))]);

    public static async Task<Results<Accepted<AcceptedNotice>, NotFound, ProblemHttpResult, ValidationProblem>> Send(
        Guid id, NoticeRequest request, HttpContext http, CommentsDbContext db, SiteModerationStore sites, IMailSender mail, NotifierKeys notifierKeys,
        IOptions<CommentOptions> comments, IOptions<LegalNoticeOptions> legal, TimeProvider clock, IStringLocalizer<ReaderText> text)
    {
        var cancellationToken = http.RequestAborted;
        var site = comments.Value.SiteId;
        var category = (await NoticeCategories.ForSiteAsync(sites, site, cancellationToken)).FirstOrDefault(c => c.Code == request.Category);
        var userId = http.User.UserId();
        // Signed in, the token's name and address stand in for the ones not typed.
        var name = Given(request.Name) ?? (userId is null ? null : http.User.DisplayName());
        var email = Given(request.Email) ?? (userId is null ? null : Given(http.User.FindFirst("email")?.Value));
        if (Validate(request, category, name, email, text) is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var comment = await db.Comments.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id && c.SiteId == site, cancellationToken);
        // Held, rejected, hidden, deleted or another site's: answered exactly as an id that does not exist.
        if (comment is null || !comment.IsPublic)
        {
            return TypedResults.NotFound();
        }
        var now = clock.GetUtcNow();
        // Without an account or an address, the client's network stands in, so the cap and a suspension still apply.
        var keys = notifierKeys.All(userId, email, http.Connection.RemoteIpAddress);
        if (await NotifierSuspensions.ActiveUntilAsync(db, site, keys, now, cancellationToken) is { } until)
        {
            return TypedResults.Problem(title: text[ReaderKeys.NoticeSuspendedTitle], statusCode: StatusCodes.Status403Forbidden,
                detail: text.Say(ReaderKeys.NoticeSuspendedDetail, ("until", until.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))));
        }
        var key = keys.FirstOrDefault();
        if (key is not null)
        {
            if (await db.LegalNotices.AsNoTracking().FirstOrDefaultAsync(n => n.SiteId == site && n.CommentId == id && n.NotifierKey == key && n.Outcome == null, cancellationToken) is { } open)
            {
                // The same notifier about the same comment again: the notice they already have, and no second mail.
                return TypedResults.Accepted((string?)null, new AcceptedNotice(open.Reference, open.ReceivedAt, text.Say(ReaderKeys.NoticeReceived, ("reference", open.Reference))));
            }
            if (await db.LegalNotices.CountAsync(n => n.SiteId == site && n.NotifierKey == key && n.ReceivedAt > now.AddDays(-1), cancellationToken) >= legal.Value.MaxPerNotifierPerDay)
            {
                return TypedResults.Problem(title: text[ReaderKeys.RateLimitTitle], statusCode: StatusCodes.Status429TooManyRequests,
                    detail: text.Say(ReaderKeys.RateLimitDetail, ("seconds", 86_400)));
            }
        }
        var notice = db.LegalNotices.Add(new LegalNotice
        {
            Id = Guid.CreateVersion7(now),
            Reference = References.New("LN"),
            SiteId = site,
            CommentId = id,
            Category = category!.Code,
            Explanation = request.Explanation!.Trim(),
            NotifierId = userId,
            NotifierName = name,
            NotifierEmail = email,
            NotifierKey = key,
            NotifierLanguage = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName,
            GoodFaith = true,
            ReceivedAt = now,
            DueAt = now.AddHours(legal.Value.DecideWithinHours),
        }).Entity;
        if (email is not null && await AcknowledgedTodayAsync(db, site, email, now, cancellationToken) < legal.Value.MaxAcknowledgementsPerAddressPerDay)
        {
            await NoticeMail.AcknowledgeAsync(mail, text, notice, NoticeCategories.Label(text, category), comment.ArticleId, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Accepted((string?)null, new AcceptedNotice(notice.Reference, now, text.Say(ReaderKeys.NoticeReceived, ("reference", notice.Reference))));
    }

    /// <summary>
    /// Notices to this address in 24 hours, whoever sent them (any account, any spelling of it): beyond the cap the address
    /// gets no more acknowledgements, so the form cannot be used to mail a stranger again and again.
    /// </summary>
    private static async Task<int> AcknowledgedTodayAsync(CommentsDbContext db, string site, string email, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The domain narrows it in the database; the mailbox is compared as the notifier keys compare it (case, "+tag").
        var mailbox = NotifierKeys.Normalise(email);
        var domain = mailbox[mailbox.LastIndexOf('@')..];
        var addresses = await db.LegalNotices.Where(n => n.SiteId == site && n.ReceivedAt > now.AddDays(-1) && n.NotifierEmail != null && n.NotifierEmail.ToLower().EndsWith(domain))
            .Select(n => n.NotifierEmail!).ToListAsync(cancellationToken);
        return addresses.Count(a => NotifierKeys.Normalise(a) == mailbox);
    }

    private static string? Given(string? value) => value?.Trim() is { Length: > 0 } trimmed ? trimmed : null;

    /// <summary>What the annotations cannot say: the site's categories, who is needed for which, good faith, a usable address.</summary>
    private static Dictionary<string, string[]> Validate(NoticeRequest request, NoticeCategory? category, string? name, string? email, IStringLocalizer text)
    {
        var errors = new Dictionary<string, string[]>();
        if (category is null)
        {
            errors["category"] = [text[ReaderKeys.NoticeCategoryUnknown]];
        }
        if (request.GoodFaith != true)
        {
            errors["goodFaith"] = [text[ReaderKeys.NoticeGoodFaithRequired]];
        }
        if (category is { IdentityOptional: false } && name is null)
        {
            errors["name"] = [text[ReaderKeys.NoticeIdentityRequired]];
        }
        if (category is { IdentityOptional: false } && email is null)
        {
            errors["email"] = [text[ReaderKeys.NoticeIdentityRequired]];
        }
        if (name is not null && (name.Length > Storage.Comments.CommentConfiguration.AuthorNameMaxLength || name.Any(char.IsControl)))
        {
            errors["name"] = [text[ReaderKeys.NoticeNameInvalid]];
        }
        // One plain address, nothing around it: it becomes a mail's recipient.
        if (email is not null && (email.Length > 254 || email.Any(char.IsControl) || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email))
        {
            errors["email"] = [text[ReaderKeys.HelpEmailInvalid]];
        }
        return errors;
    }
}
