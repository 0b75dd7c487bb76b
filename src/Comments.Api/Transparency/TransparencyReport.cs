namespace Comments.Api.Transparency;

/// <summary>
/// The Digital Services Act article 15 figures for one site and period, every one counted from the stored records.
/// docs/compliance.md defines each figure precisely; the CSV form (<see cref="TransparencyCsv"/>) holds the same numbers.
/// </summary>
public sealed record TransparencyReport(
    string SiteId, DateOnly From, DateOnly To, DateTimeOffset PeriodStart, DateTimeOffset PeriodEnd, DateTimeOffset GeneratedAt,
    NoticeFigures Notices, OwnInitiativeFigures OwnInitiative, AutomationFigures Automation, ComplaintFigures Complaints,
    IReadOnlyList<RestrictionCount> AccountRestrictions);

/// <summary>Notices received in the period; <c>Outcome</c> is "open" for a notice not decided by the period's end.</summary>
public sealed record NoticeFigures(int Received, int Decided, int Open, int ManifestlyUnfounded, double? MedianSecondsToAct,
    IReadOnlyList<NoticeCount> ByCategoryAndOutcome);

public sealed record NoticeCount(string Category, string Outcome, int Count);

/// <summary>Statements of reasons issued in the period without a notice: restrictions on the site's own initiative.</summary>
public sealed record OwnInitiativeFigures(int Total, IReadOnlyList<ReasonCount> ByReason, IReadOnlyList<RestrictionCount> ByRestrictionAndAutomation);

/// <summary>A statement with several reason codes counts once under each; <c>ReasonCode</c> is null for a statement that gave none.</summary>
public sealed record ReasonCount(string? ReasonCode, int Count);

public sealed record RestrictionCount(string Restriction, string Automation, int Count);

/// <summary>The system's decisions in the period against the moderators' last word on the same revision (before the period's end).</summary>
public sealed record AutomationFigures(IReadOnlyList<AgreementCount> SystemVersusModerator, AccuracyIndicators Indicators);

/// <summary>
/// <c>Moderator</c> is "not_reviewed" when no person decided the revision after the system; <c>ReportedFirst</c> counts the
/// ones a reader reported between the system's decision and the moderator's.
/// </summary>
public sealed record AgreementCount(string System, string Moderator, int Count, int ReportedFirst);

/// <summary>Shares are null when nothing was there to divide by.</summary>
public sealed record AccuracyIndicators(
    int HeldReviewed, double? HeldRejectedShare, double? HeldApprovedShare,
    int RejectedReviewed, double? RejectedApprovedShare,
    int SystemApproved, int ApprovedThenRejected, int ApprovedThenRejectedAfterReport, double? ApprovedThenRejectedShare);

/// <summary>Complaints received in the period, by the restriction complained about; <c>Outcome</c> "open" when undecided by the period's end.</summary>
public sealed record ComplaintFigures(int Received, int Decided, int Open, int Reversed, double? MedianSecondsToDecide,
    IReadOnlyList<ComplaintCount> ByRestrictionAndOutcome);

public sealed record ComplaintCount(string Restriction, string Outcome, int Count);
