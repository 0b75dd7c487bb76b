using System.Globalization;
using CsvHelper;

namespace Comments.Api.Transparency;

/// <summary>
/// The report as one CSV table: <c>section,item,detail,value</c>, one figure a row (docs/compliance.md lists the sections).
/// Category and reason codes come from settings staff can edit, so a cell that a spreadsheet would read as a formula
/// (starting with =, +, -, @, tab or carriage return) is written with a leading apostrophe.
/// </summary>
public static class TransparencyCsv
{
    public const string ContentType = "text/csv";

    /// <summary>RFC 4180, UTF-8 with a byte order mark (spreadsheet programs read the file as UTF-8 only then).</summary>
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with { Injection = CsvInjection.Escape, WriteByteOrderMark = true };

    public static byte[] Write(TransparencyReport report)
    {
        using var bytes = new MemoryStream();
        using (var csv = CsvWriter.Create(bytes, Options, leaveOpen: true))
        {
            csv.WriteHeader("section", "item", "detail", "value");
            foreach (var (section, item, detail, value) in Rows(report))
            {
                csv.WriteRecord(section, item, detail, value);
            }
        }
        return bytes.ToArray();
    }

    private static IEnumerable<(string Section, string Item, string Detail, string Value)> Rows(TransparencyReport r)
    {
        yield return ("report", "site_id", "", r.SiteId);
        yield return ("report", "from", "", r.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        yield return ("report", "to", "", r.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        yield return ("report", "generated_at", "", r.GeneratedAt.ToString("O", CultureInfo.InvariantCulture));
        var n = r.Notices;
        yield return ("notices", "received", "", Number(n.Received));
        yield return ("notices", "decided", "", Number(n.Decided));
        yield return ("notices", "open", "", Number(n.Open));
        yield return ("notices", "manifestly_unfounded", "", Number(n.ManifestlyUnfounded));
        yield return ("notices", "median_seconds_to_act", "", Number(n.MedianSecondsToAct));
        foreach (var g in n.ByCategoryAndOutcome)
        {
            yield return ("notices_by_category", g.Category, g.Outcome, Number(g.Count));
        }
        yield return ("own_initiative", "total", "", Number(r.OwnInitiative.Total));
        foreach (var g in r.OwnInitiative.ByReason)
        {
            yield return ("own_initiative_by_reason", g.ReasonCode ?? "", "", Number(g.Count));
        }
        foreach (var g in r.OwnInitiative.ByRestrictionAndAutomation)
        {
            yield return ("own_initiative_by_means", g.Restriction, g.Automation, Number(g.Count));
        }
        foreach (var g in r.Automation.SystemVersusModerator)
        {
            yield return ("system_versus_moderator", g.System, g.Moderator, Number(g.Count));
            yield return ("system_versus_moderator_reported_first", g.System, g.Moderator, Number(g.ReportedFirst));
        }
        var a = r.Automation.Indicators;
        yield return ("accuracy", "held_reviewed", "", Number(a.HeldReviewed));
        yield return ("accuracy", "held_rejected_share", "", Number(a.HeldRejectedShare));
        yield return ("accuracy", "held_approved_share", "", Number(a.HeldApprovedShare));
        yield return ("accuracy", "rejected_reviewed", "", Number(a.RejectedReviewed));
        yield return ("accuracy", "rejected_approved_share", "", Number(a.RejectedApprovedShare));
        yield return ("accuracy", "system_approved", "", Number(a.SystemApproved));
        yield return ("accuracy", "approved_then_rejected", "", Number(a.ApprovedThenRejected));
        yield return ("accuracy", "approved_then_rejected_after_report", "", Number(a.ApprovedThenRejectedAfterReport));
        yield return ("accuracy", "approved_then_rejected_share", "", Number(a.ApprovedThenRejectedShare));
        var c = r.Complaints;
        yield return ("complaints", "received", "", Number(c.Received));
        yield return ("complaints", "decided", "", Number(c.Decided));
        yield return ("complaints", "open", "", Number(c.Open));
        yield return ("complaints", "reversed", "", Number(c.Reversed));
        yield return ("complaints", "median_seconds_to_decide", "", Number(c.MedianSecondsToDecide));
        foreach (var g in c.ByRestrictionAndOutcome)
        {
            yield return ("complaints_by_restriction", g.Restriction, g.Outcome, Number(g.Count));
        }
        foreach (var g in r.AccountRestrictions)
        {
            yield return ("account_restrictions", g.Restriction, g.Automation, Number(g.Count));
        }
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Empty when there is no figure (a median of nothing); otherwise round-trippable, as JSON writes it.</summary>
    private static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";
}
