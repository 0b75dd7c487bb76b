using Comments.Storage.Decisions;
using Comments.Storage.Notifications;

namespace Comments.Moderation.Notifications;

/// <summary>
/// What a notification says to its reader, in the page and in a digest mail. Reader-facing reasons exist in English
/// only (<see cref="Reasons.ReaderMessages"/>), so a German sentence leaves the reason out.
/// </summary>
public static class NotificationText
{
    public static string For(NotificationFacts facts, MailLanguage language = MailLanguage.En) => (facts.Notification.Kind, language) switch
    {
        (NotificationKind.Reply, MailLanguage.De) => $"{facts.Notification.ActorName} hat auf Ihren Kommentar geantwortet.",
        (NotificationKind.Reply, _) => $"{facts.Notification.ActorName} replied to your comment.",
        (NotificationKind.Featured, MailLanguage.De) => "Ihr Kommentar wurde als Empfehlung der Redaktion ausgewählt.",
        (NotificationKind.Featured, _) => "Your comment was chosen as an editors' pick.",
        (NotificationKind.Decided, MailLanguage.De) => facts.Outcome == DecisionOutcome.Approved
            ? "Ein Moderator hat Ihren Kommentar geprüft und veröffentlicht."
            : "Ein Moderator hat Ihren Kommentar geprüft und nicht veröffentlicht.",
        (NotificationKind.Decided, _) => facts.Outcome == DecisionOutcome.Approved
            ? "A moderator reviewed your comment and published it."
            : $"A moderator reviewed your comment and did not publish it{(facts.Reason is { } reason ? $": {reason}" : "")}.",
        (NotificationKind.SupportReply, MailLanguage.De) => $"Der Support hat auf Ihre Hilfeanfrage {facts.Reference} geantwortet.",
        (NotificationKind.SupportReply, _) => $"Support answered your help request {facts.Reference}.",
        _ => throw new ArgumentOutOfRangeException(nameof(facts), facts.Notification.Kind, "no sentence for this kind"),
    };

    public static string DigestSubject(int count, MailLanguage language) => language switch
    {
        MailLanguage.De => count == 1 ? "Neues zu Ihren Kommentaren" : $"{count} Neuigkeiten zu Ihren Kommentaren",
        _ => count == 1 ? "News about your comments" : $"{count} updates about your comments",
    };

    public static string DigestIntro(MailLanguage language) => language switch
    {
        MailLanguage.De => "Das ist seit unserer letzten E-Mail passiert:",
        _ => "Here is what happened since our last e-mail:",
    };

    public static string DigestFooter(string unsubscribeUrl, MailLanguage language) => language switch
    {
        MailLanguage.De => $"Keine solchen E-Mails mehr erhalten: {unsubscribeUrl}",
        _ => $"Stop these e-mails: {unsubscribeUrl}",
    };
}
