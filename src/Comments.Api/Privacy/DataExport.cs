using System.IO.Pipelines;
using System.Text.Json;
using Comments.Storage;
using Comments.Storage.Decisions;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Comments.Api.Privacy;

/// <summary>
/// Writes one reader's data on one site as one JSON document (GDPR articles 15 and 20), streamed: every list is read
/// row by row (<c>AsAsyncEnumerable</c>, no tracking) and written as it comes, flushed every few kilobytes, so a reader
/// with 10,000 comments costs the server what one with ten does (ExportTests shows the body leaving before the
/// database has sent the last comment).
/// </summary>
public sealed class DataExport(CommentsDbContext db, TimeProvider clock, IOptions<JsonOptions> json)
{
    public const string Format = "comments-data-export/1";
    private const int FlushBytes = 32 * 1024;

    public async Task WriteAsync(Stream body, string siteId, string userId, CancellationToken cancellationToken)
    {
        var options = json.Value.SerializerOptions;
        // Over a pipe, not the stream: JsonSerializer flushes the writer after each item, which on a stream would be a
        // synchronous write; on the pipe it only hands the bytes on, and FlushAsync sends them.
        var pipe = PipeWriter.Create(body, new StreamPipeWriterOptions(leaveOpen: true));
        await using var writer = new Utf8JsonWriter(pipe);
        writer.WriteStartObject();
        writer.WriteString("format", Format);
        writer.WriteString("siteId", siteId);
        writer.WriteString("userId", userId);
        writer.WriteString("exportedAt", clock.GetUtcNow());

        writer.WritePropertyName("standing");
        JsonSerializer.Serialize(writer, await db.UserStandings.AsNoTracking().Where(s => s.UserId == userId)
            .Select(s => new ExportedStanding(s.Status, s.SuspendedUntil, s.Reason, s.UpdatedAt)).FirstOrDefaultAsync(cancellationToken), options);
        writer.WritePropertyName("preferences");
        JsonSerializer.Serialize(writer, await db.ReaderPreferences.AsNoTracking().Where(p => p.SiteId == siteId && p.UserId == userId)
            .Select(p => new ExportedPreferences(p.Email, p.MailEnabled, p.Language, p.LastMailedAt, p.UpdatedAt)).FirstOrDefaultAsync(cancellationToken), options);

        var mine = db.Comments.AsNoTracking().Where(c => c.SiteId == siteId && c.AuthorId == userId);
        await WriteListAsync(writer, pipe, "comments", mine.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Select(c => new ExportedComment(
            c.Id, c.ArticleId, c.ParentId, c.AuthorName, c.Body, c.Status, c.Revision, c.CreatedAt, c.EditedAt, c.DeletedAt, c.ErasedAt,
            db.CommentRevisions.Where(r => r.CommentId == c.Id).OrderBy(r => r.Revision).Select(r => new ExportedRevision(r.Revision, r.Body, r.CreatedAt)).ToList(),
            c.Decisions.OrderBy(d => d.DecidedAt).Select(d => new ExportedDecision(d.Revision, d.Outcome, d.ReasonCodes, d.Actor != Decision.SystemActor, d.DecidedAt)).ToList())),
            options, cancellationToken);
        await WriteListAsync(writer, pipe, "reports", db.Reports.AsNoTracking()
            .Where(r => r.ReporterId == userId && db.Comments.Any(c => c.Id == r.CommentId && c.SiteId == siteId)).OrderBy(r => r.CreatedAt)
            .Select(r => new ExportedReport(r.CommentId, r.Reason, r.Details, r.Status, r.CreatedAt)), options, cancellationToken);
        await WriteListAsync(writer, pipe, "reactions", db.Reactions.AsNoTracking()
            .Where(r => r.UserId == userId && db.Comments.Any(c => c.Id == r.CommentId && c.SiteId == siteId)).OrderBy(r => r.CreatedAt)
            .Select(r => new ExportedReaction(r.CommentId, r.Kind, r.CreatedAt)), options, cancellationToken);
        // Help requests are not per site (as GET /api/help-requests/mine): the requester's own, with the thread they can read.
        await WriteListAsync(writer, pipe, "helpRequests", db.HelpRequests.AsNoTracking().Where(r => r.RequesterId == userId).OrderBy(r => r.CreatedAt)
            .Select(r => new ExportedHelpRequest(r.Reference, r.Category, r.Status, r.Message, r.Email, r.ContactEmail, r.ArticleId, r.CommentId, r.Page, r.Outcome, r.CreatedAt,
                db.HelpRequestEvents.Where(e => e.HelpRequestId == r.Id && e.VisibleToReader).OrderBy(e => e.At).Select(e => new ExportedThreadEntry(e.Kind, e.Body, e.At)).ToList())),
            options, cancellationToken);
        await WriteListAsync(writer, pipe, "notifications", db.Notifications.AsNoTracking().Where(n => n.SiteId == siteId && n.UserId == userId).OrderBy(n => n.CreatedAt)
            .Select(n => new ExportedNotification(n.Kind, n.SubjectId, n.CommentId, n.ArticleId, n.ActorName, n.CreatedAt, n.ReadAt, n.MailedAt)), options, cancellationToken);
        await WriteListAsync(writer, pipe, "ignoredReaders", db.IgnoredReaders.AsNoTracking().Where(i => i.SiteId == siteId && i.ReaderId == userId).OrderBy(i => i.CreatedAt)
            .Select(i => new ExportedIgnoredReader(i.IgnoredId, i.CreatedAt)), options, cancellationToken);
        await WriteListAsync(writer, pipe, "postRefusals", db.PostRefusals.AsNoTracking().Where(r => r.UserId == userId).OrderBy(r => r.At)
            .Select(r => new ExportedRefusal(r.Reason, r.Detail, r.At)), options, cancellationToken);
        await WriteListAsync(writer, pipe, "statementsOfReasons", db.StatementsOfReasons.AsNoTracking().Where(s => s.SiteId == siteId && s.UserId == userId).OrderBy(s => s.IssuedAt)
            .Select(s => new ExportedStatement(s.Reference, s.Restriction, s.CommentId, s.ReasonCodes, s.Automation, s.Ground, s.GroundDetail, s.IssuedAt, s.EndsAt)),
            options, cancellationToken);
        await WriteListAsync(writer, pipe, "complaints", db.Complaints.AsNoTracking().Where(c => c.SiteId == siteId && c.UserId == userId).OrderBy(c => c.ReceivedAt)
            .Select(c => new ExportedComplaint(c.StatementId, c.Outcome, c.OutcomeReason, c.ReceivedAt, c.DecidedAt)), options, cancellationToken);
        await WriteListAsync(writer, pipe, "legalNotices", db.LegalNotices.AsNoTracking().Where(n => n.SiteId == siteId && n.NotifierId == userId).OrderBy(n => n.ReceivedAt)
            .Select(n => new ExportedNotice(n.Reference, n.CommentId, n.Category, n.Explanation, n.NotifierName, n.NotifierEmail, n.Outcome, n.OutcomeReason, n.ReceivedAt, n.DecidedAt)),
            options, cancellationToken);
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken);
        await pipe.CompleteAsync();
    }

    private static async Task WriteListAsync<T>(Utf8JsonWriter writer, PipeWriter pipe, string name, IQueryable<T> rows, JsonSerializerOptions options, CancellationToken cancellationToken)
    {
        writer.WriteStartArray(name);
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            JsonSerializer.Serialize(writer, row, options);
            if (pipe.UnflushedBytes > FlushBytes)
            {
                await pipe.FlushAsync(cancellationToken);
            }
        }
        writer.WriteEndArray();
    }
}
