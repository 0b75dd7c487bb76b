namespace Comments.Moderation.Language;

/// <summary>
/// Catalogue keys the C# code names (the embed's are in embed.js as <c>t("embed....")</c>; reason keys come from
/// <see cref="Reasons.ReaderMessages"/>). ReaderTextTests check that each is in every language.
/// </summary>
public static class ReaderKeys
{
    public const string ArticleClosedTitle = "refusal.article_closed.title";
    public const string ArticleClosedByModerator = "refusal.article_closed.by_moderator";
    public const string ArticleClosedAutomatically = "refusal.article_closed.automatically";
    public const string SlowModeTitle = "refusal.slow_mode.title";
    public const string SlowModeDetail = "refusal.slow_mode.detail";
    public const string BannedTitle = "refusal.banned.title";
    public const string BannedDetail = "refusal.banned.detail";
    public const string SuspendedTitle = "refusal.suspended.title";
    public const string SuspendedDetail = "refusal.suspended.detail";
    public const string SuspendedUntil = "refusal.suspended.until";
    public const string RateLimitTitle = "refusal.rate_limit.title";
    public const string RateLimitDetail = "refusal.rate_limit.detail";
    public const string OverloadTitle = "refusal.overload.title";
    public const string OverloadDetail = "refusal.overload.detail";
    public const string EditDeletedTitle = "refusal.edit.deleted.title";
    public const string EditDeletedDetail = "refusal.edit.deleted.detail";
    public const string EditRejectedTitle = "refusal.edit.rejected.title";
    public const string EditRejectedDetail = "refusal.edit.rejected.detail";
    public const string EditWindowClosedTitle = "refusal.edit.window_closed.title";
    public const string EditWindowClosedDetail = "refusal.edit.window_closed.detail";
    public const string ReportOwnTitle = "refusal.report.own.title";
    public const string ReportOwnDetail = "refusal.report.own.detail";
    public const string ReportAlreadyTitle = "refusal.report.already.title";
    public const string ReportAlreadyDetail = "refusal.report.already.detail";

    public const string BodyBlank = "invalid.body.blank";
    public const string BodyTooLong = "invalid.body.too_long";
    public const string BodyNul = "invalid.body.nul";
    public const string HelpEmailRequired = "invalid.help.email_required";
    public const string HelpEmailInvalid = "invalid.help.email";
    public const string HelpSignInForComment = "invalid.help.sign_in_for_comment";
    public const string HelpNotOwnComment = "invalid.help.not_own_comment";

    public const string ReasonFallback = "reason.fallback";
    public const string ReasonSuspendedUntil = "reason.system.author_suspended_until";
    public const string OutcomeHeld = "reason.outcome.held";
    public const string OutcomeRejected = "reason.outcome.rejected";
    public const string OutcomePending = "reason.outcome.pending";
}
