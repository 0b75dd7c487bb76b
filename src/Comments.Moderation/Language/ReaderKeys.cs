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
    public const string LiveFullDetail = "refusal.live_full.detail";

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

    public const string NotificationReply = "notification.reply";
    public const string NotificationFeatured = "notification.featured";
    public const string NotificationApproved = "notification.decided.approved";
    public const string NotificationRejected = "notification.decided.rejected";
    public const string NotificationRejectedBecause = "notification.decided.rejected_because";
    public const string NotificationSupportReply = "notification.support_reply";
    public const string DigestSubjectOne = "mail.digest.subject.one";
    public const string DigestSubjectMany = "mail.digest.subject.many";
    public const string DigestIntro = "mail.digest.intro";
    public const string DigestFooter = "mail.digest.footer";
    public const string UnsubscribeAskTitle = "unsubscribe.ask.title";
    public const string UnsubscribeAskText = "unsubscribe.ask.text";
    public const string UnsubscribeAskButton = "unsubscribe.ask.button";
    public const string UnsubscribeDoneTitle = "unsubscribe.done.title";
    public const string UnsubscribeDoneText = "unsubscribe.done.text";
    public const string UnsubscribeRefusedTitle = "unsubscribe.refused.title";
    public const string UnsubscribeRefusedDetail = "unsubscribe.refused.detail";
    // The help form's preview (issue 20) and ignoring readers.
    public const string IgnoreCapTitle = "refusal.ignore.cap.title";
    public const string IgnoreCapDetail = "refusal.ignore.cap.detail";
    public const string PreviewHeld = "help.preview.held";
    public const string PreviewHeldNoReason = "help.preview.held_no_reason";
    public const string PreviewQueueNext = "help.preview.queue.next";
    public const string PreviewQueueOne = "help.preview.queue.one";
    public const string PreviewQueueMany = "help.preview.queue.many";
    public const string PreviewPending = "help.preview.pending";
    public const string PreviewRemoved = "help.preview.removed";
    public const string PreviewRemovedNoReason = "help.preview.removed_no_reason";
    public const string PreviewHidden = "help.preview.hidden";
    public const string PreviewStandingReason = "help.preview.standing_reason";
    public const string PreviewSlowMode = "help.preview.slow_mode";
    public const string AdviceCantPost = "help.advice.cant_post";
    public const string AdviceCommentMissing = "help.advice.comment_missing";
    public const string AdviceCommentRemoved = "help.advice.comment_removed";
    public const string AdviceAccountOrLogin = "help.advice.account_or_login";
    public const string AdviceBannedOrSuspended = "help.advice.banned_or_suspended";
    public const string AdviceReportAbuse = "help.advice.report_abuse";
    public const string AdviceTechnical = "help.advice.technical";
    public const string AdviceOther = "help.advice.other";
    public const string NoticeReceived = "notice.received";
    public const string NoticeCategoryUnknown = "invalid.notice.category";
    public const string NoticeGoodFaithRequired = "invalid.notice.good_faith";
    public const string NoticeIdentityRequired = "invalid.notice.identity_required";
    public const string NoticeNameInvalid = "invalid.notice.name";
    public const string NoticeSuspendedTitle = "refusal.notice.suspended.title";
    public const string NoticeSuspendedDetail = "refusal.notice.suspended.detail";
    public const string NoticeAckSubject = "mail.notice.ack.subject";
    public const string NoticeAckBody = "mail.notice.ack.body";
    public const string NoticeOutcomeSubject = "mail.notice.outcome.subject";
    public const string NoticeOutcomeBody = "mail.notice.outcome.body";
    public const string NoticeOutcomeRemoved = "mail.notice.outcome.removed";
    public const string NoticeOutcomeRestricted = "mail.notice.outcome.restricted";
    public const string NoticeOutcomeNoAction = "mail.notice.outcome.no_action";
    public const string NoticeUnfoundedSubject = "mail.notice.unfounded.subject";
    public const string NoticeUnfoundedBody = "mail.notice.unfounded.body";
}
