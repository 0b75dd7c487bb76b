using Comments.Storage;
using Comments.Storage.Comments;
using Comments.Storage.Reports;
using Microsoft.EntityFrameworkCore;

namespace Comments.Api.Moderation;

/// <summary>A person's decision closes a comment's open reports: upheld by a rejection, dismissed by an approval, and the reporters' weights follow.</summary>
public static class ReportClosing
{
    public static async Task CloseAsync(CommentsDbContext db, Comment comment, bool upheld, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var open = await db.Reports.Where(r => r.CommentId == comment.Id && r.Status == ReportStatus.Open).ToListAsync(cancellationToken);
        var reporters = open.Select(r => r.ReporterId).ToList();
        var trust = await db.ReporterTrust.Where(t => reporters.Contains(t.UserId)).ToDictionaryAsync(t => t.UserId, cancellationToken);
        foreach (var report in open)
        {
            report.Status = upheld ? ReportStatus.Upheld : ReportStatus.Dismissed;
            report.ReviewedAt = now;
            if (!trust.TryGetValue(report.ReporterId, out var reporter))
            {
                trust[report.ReporterId] = reporter = db.ReporterTrust.Add(new ReporterTrust { UserId = report.ReporterId }).Entity;
            }
            reporter.Record(upheld);
        }
        comment.OpenReportCount = 0;
        comment.ReportWeight = 0;
    }
}
