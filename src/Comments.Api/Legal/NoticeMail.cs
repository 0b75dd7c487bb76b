using System.Globalization;
using Comments.Api.Support;
using Comments.Moderation.Language;
using Comments.Storage.Legal;
using Microsoft.Extensions.Localization;

namespace Comments.Api.Legal;

/// <summary>
/// The mails to a notifier, through the outbox in the caller's unit of work: the acknowledgement (article 16(4)), the
/// decision with its reason (16(5)), and the warning that a notice was found manifestly unfounded (23(2)'s prior
/// warning). Subjects hold only the reference, never what the notifier typed.
/// </summary>
public static class NoticeMail
{
    /// <summary>
    /// Anyone can give any address, so the acknowledgement holds nothing the sender typed (no name, no explanation): only
    /// our reference, the ground's label, the comment's article and the date. It cannot carry someone's message to a stranger.
    /// </summary>
    public static Task AcknowledgeAsync(IMailSender mail, IStringLocalizer text, LegalNotice notice, string categoryLabel, string articleId,
        CancellationToken cancellationToken) =>
        mail.SendAsync(notice.NotifierEmail!, text.Say(ReaderKeys.NoticeAckSubject, ("reference", notice.Reference)),
            text.Say(ReaderKeys.NoticeAckBody, ("reference", notice.Reference), ("category", categoryLabel), ("article", articleId),
                ("received", Stamp(notice.ReceivedAt))),
            null, cancellationToken);

    public static Task OutcomeAsync(IMailSender mail, IStringLocalizer text, LegalNotice notice, CancellationToken cancellationToken) =>
        notice.NotifierEmail is not { } to ? Task.CompletedTask : InLanguage(notice, () =>
            mail.SendAsync(to, text.Say(ReaderKeys.NoticeOutcomeSubject, ("reference", notice.Reference)),
                text.Say(ReaderKeys.NoticeOutcomeBody, ("name", notice.NotifierName ?? ""), ("reference", notice.Reference),
                    ("outcome", text[OutcomeKey(notice.Outcome!.Value)].Value), ("reason", notice.OutcomeReason ?? "")),
                null, cancellationToken));

    public static Task UnfoundedWarningAsync(IMailSender mail, IStringLocalizer text, LegalNotice notice, CancellationToken cancellationToken) =>
        notice.NotifierEmail is not { } to ? Task.CompletedTask : InLanguage(notice, () =>
            mail.SendAsync(to, text.Say(ReaderKeys.NoticeUnfoundedSubject, ("reference", notice.Reference)),
                text.Say(ReaderKeys.NoticeUnfoundedBody, ("name", notice.NotifierName ?? ""), ("reference", notice.Reference)),
                null, cancellationToken));

    private static string OutcomeKey(NoticeOutcome outcome) => outcome switch
    {
        NoticeOutcome.Removed => ReaderKeys.NoticeOutcomeRemoved,
        NoticeOutcome.Restricted => ReaderKeys.NoticeOutcomeRestricted,
        _ => ReaderKeys.NoticeOutcomeNoAction,
    };

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>The decision is a moderator's request; its mail is in the language the notifier wrote in.</summary>
    private static Task InLanguage(LegalNotice notice, Func<Task> send)
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            if (notice.NotifierLanguage is { } language && ReaderText.Languages.Contains(language))
            {
                CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
            }
            // The outbox only adds a row: the sentences are made before anything awaits.
            return send();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
