using Comments.Api.Errors;
using Comments.Api.Auth;
using Comments.Api.Events;
using Comments.Api.Infrastructure;
using Comments.Api.Infrastructure.Validation;
using System.ComponentModel.DataAnnotations;
using Comments.Api.RateLimiting;
using Comments.Api.Standing;
using Comments.Contracts;
using Comments.Moderation.Language;
using Comments.Moderation.Settings;
using Comments.Storage;
using Comments.Storage.Comments;
using Comments.Storage.Comments.Lifecycle;
using Comments.Storage.Reports;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Comments.Api.Reports;

/// <summary>
/// Readers report comments. Each report adds the reporter's trust weight to the comment; when the open reports
/// weigh as much as the site's threshold, the comment is hidden from the public until a moderator decides.
/// </summary>
public static class ReportsApi
{
    public const int MaxDetailsLength = 500;

    public static RouteGroupBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/comments/{id:guid}/reports").WithTags("Reports")
            .RequireAuthorization(Policies.Commenter).RequireRateLimiting(RateLimitPolicies.Reports);
        api.MapPost("/", ReportComment);
        return api;
    }

    public static async Task<Results<Created<ReportView>, NotFound, ProblemHttpResult, ValidationProblem>> ReportComment(
        Guid id, ReportRequest request, HttpContext http, CommentsDbContext db, SiteModerationStore sites, EventPublisher events, TimeProvider clock,
        IOptions<CommentOptions> options, IStringLocalizer<ReaderText> text, ReaderStandings standings)
    {
        var cancellationToken = http.RequestAborted;
        var reason = request.Reason!.Value;
        var reporter = http.User.UserId()!;
        var now = clock.GetUtcNow();
        // A banned or suspended reader's reports would still hide comments: they cannot report at all.
        if (await StandingCheck.RefusalAsync(standings, text, reporter, now, cancellationToken) is { } refused)
        {
            return refused.ToProblem();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var comment = await db.Comments.LockAsync(id, cancellationToken);
        if (comment is null || !comment.IsPublic || comment.SiteId != options.Value.SiteId)
        {
            return TypedResults.NotFound();
        }
        if (comment.AuthorId == reporter)
        {
            return TypedResults.Problem(title: text[ReaderKeys.ReportOwnTitle], detail: text[ReaderKeys.ReportOwnDetail], statusCode: StatusCodes.Status409Conflict);
        }
        if (await db.Reports.AnyAsync(r => r.CommentId == id && r.ReporterId == reporter, cancellationToken))
        {
            return AlreadyReported(text);
        }

        var weight = await db.ReporterTrust.Where(t => t.UserId == reporter).Select(t => (double?)t.Weight).FirstOrDefaultAsync(cancellationToken)
            ?? ReporterTrust.StartingWeight;
        var report = db.Reports.Add(new Report
        {
            Id = Guid.CreateVersion7(now),
            CommentId = id,
            ReporterId = reporter,
            Reason = reason,
            Details = string.IsNullOrWhiteSpace(request!.Details) ? null : request.Details.Trim(),
            Weight = weight,
            Status = ReportStatus.Open,
            CreatedAt = now,
        }).Entity;
        comment.OpenReportCount++;
        comment.ReportWeight += weight;
        var threshold = (await sites.GetSettingsAsync(comment.SiteId, cancellationToken)).Settings.AutoHideReportWeight;
        if (threshold > 0 && comment.ReportWeight >= threshold - 1e-9)
        {
            await db.ChangeAsync(comment, new CommentChange(LifecycleActor.Reader, reporter, CommentAction.Hide, now), cancellationToken);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            return AlreadyReported(text);
        }
        await transaction.CommitAsync(cancellationToken);

        var hidden = comment.HiddenAt is not null;
        await events.PublishAsync(new CommentReported
        {
            ReportId = report.Id, CommentId = id, ArticleId = comment.ArticleId, ReporterId = reporter,
            Reason = reason.WireName(), Weight = weight, Hidden = hidden, ReportedAt = now,
        });
        return TypedResults.Created($"/api/comments/{id}/reports/{report.Id}", new ReportView(report.Id, reason.WireName(), hidden));
    }

    private static ProblemHttpResult AlreadyReported(IStringLocalizer text) =>
        TypedResults.Problem(title: text[ReaderKeys.ReportAlreadyTitle], detail: text[ReaderKeys.ReportAlreadyDetail], statusCode: StatusCodes.Status409Conflict);
}

public sealed record ReportRequest(
    [property: Required(ErrorMessage = "reason is required.")] ReportReason? Reason,
    [property: Text(0, ReportsApi.MaxDetailsLength)] string? Details);

public sealed record ReportView(Guid Id, string Reason, bool CommentHidden);
