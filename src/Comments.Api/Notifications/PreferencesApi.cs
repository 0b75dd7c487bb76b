using System.Security.Claims;
using Comments.Api.Auth;
using Comments.Api.Infrastructure;
using Comments.Storage;
using Comments.Storage.Notifications;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Comments.Api.Notifications;

/// <summary>The signed-in reader's mail settings: the address for notification mails, mail on or off, the mails' language.</summary>
public static class PreferencesApi
{
    public static RouteGroupBuilder MapPreferencesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/me/preferences").WithTags("Notifications").RequireAuthorization(Policies.Commenter);
        api.MapGet("/", Get);
        api.MapPut("/", Put);
        return api;
    }

    public static async Task<Ok<PreferencesView>> Get(HttpContext http, CommentsDbContext db, IOptions<CommentOptions> options, CancellationToken cancellationToken)
    {
        var (siteId, userId) = (options.Value.SiteId, http.User.UserId()!);
        var saved = await db.ReaderPreferences.AsNoTracking().FirstOrDefaultAsync(p => p.SiteId == siteId && p.UserId == userId, cancellationToken);
        return TypedResults.Ok(PreferencesView.From(saved, TokenEmail(http.User)));
    }

    public static async Task<Results<Ok<PreferencesView>, ValidationProblem>> Put(
        PreferencesUpdate update, HttpContext http, CommentsDbContext db, TimeProvider clock, IOptions<CommentOptions> options, CancellationToken cancellationToken)
    {
        var errors = update.Validate();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var (siteId, userId) = (options.Value.SiteId, http.User.UserId()!);
        var saved = await db.ReaderPreferences.FirstOrDefaultAsync(p => p.SiteId == siteId && p.UserId == userId, cancellationToken);
        if (saved is null)
        {
            saved = db.ReaderPreferences.Add(new ReaderPreferences { SiteId = siteId, UserId = userId }).Entity;
        }
        saved.Email = update.Address;
        // Left out, the setting stays as it was (mail is on for a new reader).
        saved.MailEnabled = update.MailEnabled ?? saved.MailEnabled;
        saved.Language = update.Language ?? saved.Language;
        saved.UpdatedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            // The same reader saved twice at once from two tabs; the other save stands.
        }
        return TypedResults.Ok(PreferencesView.From(saved, TokenEmail(http.User)));
    }

    private static string? TokenEmail(ClaimsPrincipal user) => user.FindFirstValue("email")?.Trim() is { Length: > 0 } email ? email : null;
}
