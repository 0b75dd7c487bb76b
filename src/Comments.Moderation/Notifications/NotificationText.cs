using Comments.Moderation.Language;
using Comments.Moderation.Reasons;
using Comments.Storage;
using Comments.Storage.Decisions;
using Comments.Storage.Legal;
using Comments.Storage.Notifications;
using Microsoft.Extensions.Localization;

namespace Comments.Moderation.Notifications;

/// <summary>
/// What a notification says to its reader, in the page (the request's language) and in a digest mail (the reader's
/// chosen language: the caller sets the UI culture), from the reader text catalogue.
/// </summary>
public static class NotificationText
{
    public static string For(IStringLocalizer text, NotificationFacts facts) => facts.Notification.Kind switch
    {
        // The replier's name is gone once their data was erased (ReaderErasure).
        NotificationKind.Reply when string.IsNullOrWhiteSpace(facts.Notification.ActorName) => text[ReaderKeys.NotificationReplyErased],
        NotificationKind.Reply => text.Say(ReaderKeys.NotificationReply, ("name", facts.Notification.ActorName)),
        NotificationKind.Featured => text[ReaderKeys.NotificationFeatured],
        NotificationKind.Decided when facts.Outcome == DecisionOutcome.Approved => text[ReaderKeys.NotificationApproved],
        NotificationKind.Decided when facts is { Decision: { } decision, ReasonCode: { } code } =>
            text.Say(ReaderKeys.NotificationRejectedBecause, ("reason", ReaderMessages.Explain(text, decision, code))),
        NotificationKind.Decided => text[ReaderKeys.NotificationRejected],
        NotificationKind.SupportReply => text.Say(ReaderKeys.NotificationSupportReply, ("reference", facts.Reference)),
        NotificationKind.Statement => text.Say(facts.Notification.CommentId is null ? ReaderKeys.NotificationStatementAccount : ReaderKeys.NotificationStatementComment,
            ("reference", facts.Reference)),
        NotificationKind.ComplaintDecided => text.Say(facts.ComplaintOutcome == ComplaintOutcome.Reversed ? ReaderKeys.NotificationComplaintReversed
            : ReaderKeys.NotificationComplaintUpheld, ("reference", facts.Reference)),
        _ => throw new ArgumentOutOfRangeException(nameof(facts), facts.Notification.Kind, "no sentence for this kind"),
    };

    public static string DigestSubject(IStringLocalizer text, int count) =>
        count == 1 ? text[ReaderKeys.DigestSubjectOne] : text.Say(ReaderKeys.DigestSubjectMany, ("count", count));

    /// <summary>The culture a reader's mails are written in.</summary>
    public static System.Globalization.CultureInfo CultureOf(MailLanguage language) => System.Globalization.CultureInfo.GetCultureInfo(language.WireName());
}
