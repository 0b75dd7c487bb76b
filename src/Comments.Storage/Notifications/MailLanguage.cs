namespace Comments.Storage.Notifications;

/// <summary>The language of a reader's notification mails.</summary>
public enum MailLanguage
{
    En,
    De,
}
